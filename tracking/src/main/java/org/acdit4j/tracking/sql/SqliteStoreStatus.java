package org.acdit4j.tracking.sql;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import org.acdit4j.tracking.TrackingException;

/**
 * What {@code acdit doctor} shows about an MLflow SQLite store, read without creating or changing anything.
 *
 * @param location where the database and the artifacts are
 * @param schema   one line: the schema revision and what it holds, or what is wrong and what to do
 * @param usable   false when runs could not be written into this database as it is
 */
public record SqliteStoreStatus(SqliteLocation location, String schema, boolean usable) {

    /** Inspects the database of {@code location} read-only. */
    public static SqliteStoreStatus inspect(SqliteLocation location) {
        if (!Files.exists(location.database())) {
            return new SqliteStoreStatus(location, "not created yet; the first run creates it with schema "
                    + MlflowSchema.REVISION + " (MLflow " + MlflowSchema.MLFLOW_VERSION + ")", true);
        }
        try (SqliteConnection connection = SqliteConnection.openReadOnly(location.database())) {
            return connection.read(c -> {
                String revision = MlflowSchema.revisionOf(c);
                if (revision == null) {
                    Set<String> tables = MlflowSchema.tablesOf(c);
                    return tables.isEmpty()
                            ? new SqliteStoreStatus(location, "empty; the first run creates schema "
                                    + MlflowSchema.REVISION + " (MLflow " + MlflowSchema.MLFLOW_VERSION + ")", true)
                            : new SqliteStoreStatus(location, "not an MLflow database (tables "
                                    + String.join(", ", tables) + ", no alembic_version); choose another file", false);
                }
                if (!revision.equals(MlflowSchema.REVISION)) {
                    return new SqliteStoreStatus(location, SchemaMismatch.describe(location, revision), false);
                }
                String missing = MlflowSchema.missingTables(c);
                if (!missing.isEmpty()) {
                    return new SqliteStoreStatus(location, "revision " + revision + " but the tables " + missing
                            + " are missing; restore a backup or use another file", false);
                }
                return new SqliteStoreStatus(location, revision + " (MLflow " + MlflowSchema.MLFLOW_VERSION + "), "
                        + count(c, "experiments") + " experiments, " + count(c, "runs") + " runs", true);
            });
        } catch (TrackingException e) {
            return new SqliteStoreStatus(location, "unreadable: " + e.getMessage(), false);
        }
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
