package org.acdit4j.framework.data.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

/** Streams the regular files of a gzipped tar archive (the format of npm tarballs) with Commons Compress. */
public final class TarGzReader {

    private static final int BUFFER = 1 << 16;

    /** Receives each regular file; the stream is only valid during the call, and closing it closes nothing. */
    @FunctionalInterface
    public interface EntryHandler {
        void accept(String path, InputStream content) throws IOException;
    }

    private TarGzReader() {
    }

    public static void forEachFile(Path archive, EntryHandler handler) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(archive), BUFFER), BUFFER))) {
            for (TarArchiveEntry entry = tar.getNextTarEntry(); entry != null; entry = tar.getNextTarEntry()) {
                if (entry.isFile()) {
                    handler.accept(entry.getName(), CloseShieldInputStream.wrap(tar));
                }
            }
        }
    }
}
