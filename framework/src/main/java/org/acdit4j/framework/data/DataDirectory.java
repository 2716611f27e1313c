package org.acdit4j.framework.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.acdit4j.framework.dsl.Problems;

/**
 * Where fetched datasets and their binary caches live: the {@code --data-dir} flag, else the
 * {@code ACDIT_DATA_DIR} environment variable, else {@code $XDG_CACHE_HOME/acdit4j}, else
 * {@code ~/.cache/acdit4j}.
 */
public record DataDirectory(Path root) {

    public static final String ENVIRONMENT_VARIABLE = "ACDIT_DATA_DIR";

    public static DataDirectory resolve(String flag, Map<String, String> environment) {
        if (flag != null && !flag.isBlank()) {
            return new DataDirectory(Path.of(flag).toAbsolutePath());
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new DataDirectory(Path.of(fromEnvironment).toAbsolutePath());
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path cacheHome = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new DataDirectory(cacheHome.resolve("acdit4j").toAbsolutePath());
    }

    /**
     * Adds a problem unless the folder can be created and written: checked by creating it (an empty cache folder is
     * harmless) and a probe file that is deleted at once.
     */
    public void requireWritable(Problems problems) {
        try {
            Files.createDirectories(root);
            Files.delete(Files.createTempFile(root, ".write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            problems.add("--data-dir", "the data directory " + root + " cannot be written (" + e.getClass().getSimpleName()
                    + "); pass --data-dir DIR or set " + ENVIRONMENT_VARIABLE + " to a writable folder");
        }
    }
}
