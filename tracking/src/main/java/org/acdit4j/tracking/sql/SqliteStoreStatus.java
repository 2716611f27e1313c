package org.acdit4j.tracking.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.acdit4j.tracking.CreatablePath;
import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.UnusableStoreException;

/**
 * An MLflow SQLite store as found before anything is written: the path, the file's header, then (opened read-only)
 * its tables and alembic revision. {@link SqliteStore} writes only into a store found {@link SqliteStoreState#NOT_CREATED},
 * {@link SqliteStoreState#EMPTY} or {@link SqliteStoreState#READY}; any other file is left byte for byte as it was.
 * {@code acdit doctor} prints the same status.
 *
 * @param location where the database and the artifacts are
 * @param state    what the path holds
 * @param revision the revision of a {@link SqliteStoreState#READY} database, else {@code null}
 * @param schema   one line: the revision and what the database holds, or what is wrong and what to do
 */
public record SqliteStoreStatus(SqliteLocation location, SqliteStoreState state, MlflowRevision revision,
                                String schema) {

    /** The first 16 bytes of every SQLite 3 database file. */
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String CREATED = "the first run creates it with schema " + MlflowSchema.REVISION + " (MLflow "
            + MlflowSchema.MLFLOW_VERSION + ")";

    /** False when runs cannot be written into this store as it is. */
    public boolean usable() {
        return state != SqliteStoreState.REFUSED;
    }

    /** Inspects the store of {@code location} without creating or changing anything in it. */
    public static SqliteStoreStatus inspect(SqliteLocation location) {
        Path database = location.database();
        if (Files.isDirectory(database)) {
            return refused(location, "tracking database " + database + " is a folder; name a database file, for "
                    + "example " + database.resolve("mlflow.db"));
        }
        Optional<String> artifactsProblem = artifactFolderProblem(location.artifactRoot());
        if (artifactsProblem.isPresent()) {
            return refused(location, artifactsProblem.get());
        }
        if (!Files.exists(database)) {
            return CreatablePath.problem(database)
                    .map(problem -> refused(location, "tracking database " + database + " cannot be created: " + problem))
                    .orElseGet(() -> new SqliteStoreStatus(location, SqliteStoreState.NOT_CREATED, null,
                            "not created yet; " + CREATED));
        }
        Optional<String> fileProblem = fileProblem(database);
        if (fileProblem.isPresent()) {
            return refused(location, fileProblem.get());
        }
        if (size(database) == 0) {
            return new SqliteStoreStatus(location, SqliteStoreState.EMPTY, null, "empty; " + CREATED);
        }
        try (SqliteConnection connection = SqliteConnection.openReadOnly(database)) {
            return connection.read(c -> schemaStatus(location, c));
        } catch (TrackingException e) {
            return refused(location, "tracking database " + database + " cannot be read: " + e.getMessage());
        }
    }

    /** The status of an existing store, thrown as {@link UnusableStoreException} when refused. */
    SqliteStoreStatus requireUsable() {
        if (!usable()) {
            throw new UnusableStoreException(schema);
        }
        return this;
    }

    private static SqliteStoreStatus schemaStatus(SqliteLocation location, Connection c) throws SQLException {
        String revision = MlflowSchema.revisionOf(c);
        if (revision == null) {
            Set<String> tables = MlflowSchema.tablesOf(c);
            return tables.isEmpty()
                    ? new SqliteStoreStatus(location, SqliteStoreState.EMPTY, null, "empty; " + CREATED)
                    : refused(location, "database " + location.database() + " is not an MLflow tracking database "
                            + "(it has tables " + String.join(", ", tables) + " but no alembic_version); choose "
                            + "another file for --tracking-uri");
        }
        Optional<MlflowRevision> written = MlflowRevision.of(revision);
        if (written.isEmpty()) {
            return refused(location, SchemaMismatch.describe(location, revision));
        }
        String missing = MlflowSchema.missingTables(c);
        if (!missing.isEmpty()) {
            return refused(location, "database " + location.database() + " is stamped with revision " + revision
                    + " but lacks the tables " + missing + "; it is damaged: restore a backup or use another file");
        }
        return new SqliteStoreStatus(location, SqliteStoreState.READY, written.get(), revision + " ("
                + written.get().change() + "; acdit4j writes it), " + count(c, "experiments") + " experiments, "
                + count(c, "runs") + " runs");
    }

    private static Optional<String> artifactFolderProblem(Path artifactRoot) {
        if (Files.exists(artifactRoot)) {
            return Files.isDirectory(artifactRoot) ? Optional.empty()
                    : Optional.of("artifact folder " + artifactRoot + " beside the database is a file; move it away");
        }
        return CreatablePath.problem(artifactRoot)
                .map(problem -> "artifact folder " + artifactRoot + " cannot be created: " + problem);
    }

    private static Optional<String> fileProblem(Path database) {
        if (!Files.isRegularFile(database)) {
            return Optional.of("tracking database " + database + " is not a regular file");
        }
        if (!Files.isReadable(database) || !Files.isWritable(database)) {
            return Optional.of("tracking database " + database + " cannot be read and written by this user");
        }
        Optional<String> folderProblem = CreatablePath.problemIn(database.getParent());
        if (folderProblem.isPresent()) {
            return Optional.of("tracking database " + database + " cannot be written: " + folderProblem.get());
        }
        if (size(database) == 0) {
            return Optional.empty();
        }
        byte[] start = new byte[HEADER.length];
        try (InputStream in = Files.newInputStream(database)) {
            int read = in.readNBytes(start, 0, start.length);
            if (read < HEADER.length || !Arrays.equals(start, HEADER)) {
                return Optional.of("tracking database " + database + " is not a SQLite database (it does not start "
                        + "with SQLite's header); name another file for --tracking-uri");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("tracking database " + database + " cannot be read: " + e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static SqliteStoreStatus refused(SqliteLocation location, String why) {
        return new SqliteStoreStatus(location, SqliteStoreState.REFUSED, null, why);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE lifecycle_stage = '" + SqliteStore.ACTIVE + "'");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
