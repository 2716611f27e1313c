package org.acdit4j.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a file or folder that does not exist yet could be created: its nearest existing ancestor must be a folder
 * that accepts new files. Permissions say little to root (a virtual file system such as {@code /proc} reports itself
 * writable), so the folder is asked by creating a probe file, removed at once.
 */
public final class CreatablePath {

    private CreatablePath() {
    }

    /** What stops {@code path} from being created, or empty when it could be. */
    public static Optional<String> problem(Path path) {
        Path existing = path.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of("no folder of " + path + " exists");
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of(existing + " is a file, so " + path + " cannot be created under it");
        }
        return problemIn(existing);
    }

    /** What stops new files from being created in the existing folder {@code folder}, or empty when nothing does. */
    public static Optional<String> problemIn(Path folder) {
        Path existing = folder.toAbsolutePath().normalize();
        try {
            Files.delete(Files.createTempFile(existing, ".acdit4j-probe", ".tmp"));
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("nothing can be created in " + existing + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
