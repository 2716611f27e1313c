package org.acdit4j.tracking.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.acdit4j.tracking.TrackingException;

/**
 * Writes files by writing a temporary file and renaming it over the target, so a reader or a killed writer
 * sees either the old or the new content, never a part. Temporary files go to a folder MLflow does not read
 * (a run or experiment folder), never into {@code metrics/}, {@code params/} or {@code tags/}, where a
 * leftover would be read as data.
 */
final class AtomicFiles {

    static final String TEMP_PREFIX = ".acdit4j-tmp-";

    private AtomicFiles() {
    }

    static void write(Path target, byte[] content, Path tempDir) {
        Path temp = tempDir.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new TrackingException("cannot write " + target + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the temporary file lives where MLflow does not look; a leftover is harmless
        }
    }
}
