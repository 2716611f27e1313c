package org.acdit4j.framework.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes whole files through a temporary sibling and an atomic rename: readers see the old or the new file, never half.
 * The files get the ordinary mode {@code rw-r--r--} (a temporary file is created {@code rw-------}), so the other users
 * of a shared folder, such as a cluster's job accounts, can read them.
 */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> ORDINARY = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    public static void writeString(Path file, String content) {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] content) {
        write(file, content, file.toAbsolutePath().getParent());
    }

    /**
     * Like {@link #write(Path, byte[])}, with the temporary file in {@code temporaryFolder} (an existing folder on the
     * same file system): for folders where a reader takes every file as data, such as MLflow's {@code metrics/},
     * {@code params/} and {@code tags/}, so a writer killed before the rename leaves nothing there.
     */
    public static void write(Path file, byte[] content, Path temporaryFolder) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(temporaryFolder, "." + file.getFileName(), ".tmp");
            try {
                Files.write(temporary, content);
                if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    Files.setPosixFilePermissions(temporary, ORDINARY);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
