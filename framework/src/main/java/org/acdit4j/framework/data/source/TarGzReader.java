package org.acdit4j.framework.data.source;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Streams the regular files of a gzipped ustar archive (the format of npm tarballs). */
public final class TarGzReader {

    private static final int BLOCK = 512;

    /** Receives each regular file; the stream is only valid during the call. */
    @FunctionalInterface
    public interface EntryHandler {
        void accept(String path, InputStream content) throws IOException;
    }

    private TarGzReader() {
    }

    public static void forEachFile(Path archive, EntryHandler handler) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    return;
                }
                if (isZeroBlock(header)) {
                    return;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                BoundedStream content = new BoundedStream(in, size);
                if (type == '0' || type == '\0') {
                    handler.accept(path, content);
                }
                content.skipRest();
                long padding = (BLOCK - size % BLOCK) % BLOCK;
                in.skipNBytes(padding);
            }
        }
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII).strip();
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String digits = text(header, offset, length);
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new IOException("corrupt tar header (size field '" + digits + "')");
        }
    }

    /** A view of the next {@code remaining} bytes of the archive. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("tar entry truncated");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new EOFException("tar entry truncated");
            }
            remaining -= read;
            return read;
        }

        void skipRest() throws IOException {
            in.skipNBytes(remaining);
            remaining = 0;
        }
    }
}
