package org.acdit4j.tracking.sql;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an MLflow SQLite store lives: the database file and, beside it, the artifact folder
 * {@value #ARTIFACT_FOLDER}. URIs follow SQLAlchemy: {@code sqlite:///relative/path.db} is relative to the
 * working folder, {@code sqlite:////absolute/path.db} is absolute (four slashes).
 *
 * @param database absolute path of the database file
 */
public record SqliteLocation(Path database) {

    /** The artifact folder's name, next to the database file (the name MLflow's server uses for its own). */
    public static final String ARTIFACT_FOLDER = "mlartifacts";

    private static final String PREFIX = "sqlite:///";

    public SqliteLocation {
        database = database.toAbsolutePath().normalize();
    }

    /** True when {@code uri} has the {@code sqlite:} scheme (any case). */
    public static boolean isSqliteUri(String uri) {
        return uri.toLowerCase(Locale.ROOT).startsWith("sqlite:");
    }

    /**
     * Parses a {@code sqlite:} URI; relative paths are resolved against {@code workingDir}.
     *
     * @throws IllegalArgumentException with the reason when the URI names no file this store can use
     */
    public static SqliteLocation parse(String uri, Path workingDir) {
        if (!uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("a sqlite: URI names a local file and has three slashes before a "
                    + "relative path or four before an absolute one");
        }
        String path = uri.substring(PREFIX.length());
        if (path.isEmpty() || path.equals(":memory:")) {
            throw new IllegalArgumentException("an in-memory database keeps nothing; name a database file");
        }
        if (path.contains("?")) {
            throw new IllegalArgumentException("query parameters are not supported");
        }
        try {
            return new SqliteLocation(workingDir.resolve(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + path + "' is not a valid path");
        }
    }

    /** The folder beside the database that holds every experiment's artifacts. */
    public Path artifactRoot() {
        return database.resolveSibling(ARTIFACT_FOLDER);
    }

    /** The URI in SQLAlchemy's absolute form, as MLflow's commands expect it. */
    public String uri() {
        return PREFIX + database;
    }
}
