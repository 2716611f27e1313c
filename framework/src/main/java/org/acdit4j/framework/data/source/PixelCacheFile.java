package org.acdit4j.framework.data.source;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.Supplier;
import org.acdit4j.framework.data.DatasetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compact binary form of a parsed dataset, so later runs never parse or decode the source again: magic
 * {@code ACDIT4J2}, count, channels, side, labels (bytes), pixels (bytes), then the SHA-256 of all preceding
 * bytes. Files of the first version ({@code ACDIT4J1}: single-channel, no channel count) are still read. Written
 * to a temporary file and renamed; a file that fails any check is rebuilt.
 */
public final class PixelCacheFile {

    private static final Logger LOG = LoggerFactory.getLogger(PixelCacheFile.class);
    private static final byte[] MAGIC = "ACDIT4J2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SINGLE_CHANNEL_MAGIC = "ACDIT4J1".getBytes(StandardCharsets.US_ASCII);
    /**
     * Pixels are read and written 1 MiB at a time: the JDK stages each file read or write through a temporary
     * native buffer of its size, which for the 300 MB of a Moving-MNIST cache in one piece cost over a second.
     */
    private static final int CHUNK = 1 << 20;

    private PixelCacheFile() {
    }

    /** Reads {@code file}, or builds the images, writes them to {@code file} and returns them. */
    public static RawImages readOrBuild(Path file, Supplier<RawImages> builder) {
        if (Files.isRegularFile(file)) {
            try {
                return read(file);
            } catch (IOException e) {
                LOG.warn("data cache {} is corrupt ({}); rebuilding it", file, e.getMessage());
                try {
                    Files.deleteIfExists(file);
                } catch (IOException deleteFailure) {
                    throw new DatasetException("cannot remove corrupt data cache " + file + ": "
                            + deleteFailure.getMessage(), deleteFailure);
                }
            }
        }
        RawImages images = builder.get();
        try {
            write(file, images);
        } catch (IOException e) {
            throw new DatasetException("cannot write data cache " + file + ": " + e.getMessage(), e);
        }
        return images;
    }

    static RawImages read(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (DigestInputStream hashed = new DigestInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest);
             DataInputStream in = new DataInputStream(hashed)) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            boolean singleChannel = Arrays.equals(magic, SINGLE_CHANNEL_MAGIC);
            if (!singleChannel && !Arrays.equals(magic, MAGIC)) {
                throw new IOException("bad magic");
            }
            int count = in.readInt();
            int channels = singleChannel ? 1 : in.readInt();
            int side = in.readInt();
            if (count < 0 || channels < 1 || channels > 4 || side < 1 || side > 4096) {
                throw new IOException("bad header (count " + count + ", channels " + channels + ", side " + side + ")");
            }
            int headerInts = singleChannel ? 2 : 3;
            long expectedSize = MAGIC.length + 4L * headerInts + count + (long) count * channels * side * side + 32;
            if (Files.size(file) != expectedSize) {
                throw new IOException("size " + Files.size(file) + " instead of " + expectedSize);
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readUnsignedByte();
            }
            byte[] pixels = new byte[count * channels * side * side];
            for (int from = 0; from < pixels.length; from += CHUNK) {
                in.readFully(pixels, from, Math.min(CHUNK, pixels.length - from));
            }
            hashed.on(false);
            byte[] expected = digest.digest();
            byte[] stored = new byte[expected.length];
            in.readFully(stored);
            if (!Arrays.equals(expected, stored)) {
                throw new IOException("checksum mismatch");
            }
            return new RawImages(channels, side, pixels, labels);
        }
    }

    static void write(Path file, RawImages images) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
        try {
            MessageDigest digest = sha256();
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
                 DataOutputStream out = new DataOutputStream(new DigestOutputStream(raw, digest))) {
                out.write(MAGIC);
                out.writeInt(images.count());
                out.writeInt(images.channels());
                out.writeInt(images.side());
                for (int label : images.labels()) {
                    out.writeByte(label);
                }
                byte[] pixels = images.pixels();
                for (int from = 0; from < pixels.length; from += CHUNK) {
                    out.write(pixels, from, Math.min(CHUNK, pixels.length - from));
                }
                out.flush();
                raw.write(digest.digest());
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
