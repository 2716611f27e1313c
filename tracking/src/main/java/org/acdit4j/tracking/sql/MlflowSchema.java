package org.acdit4j.tracking.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.acdit4j.tracking.TrackingException;

/**
 * The one MLflow database schema this module writes: alembic revision {@value #REVISION}, the head of MLflow
 * 2.17 (the version of the MLflow Java client). {@link #create} builds it in an empty database the way MLflow's
 * own initialisation ends up (every table, the indexes, the {@code alembic_version} stamp);
 * {@link #revisionOf} reads the stamp of an existing database.
 */
public final class MlflowSchema {

    /** The alembic revision a new database is created at; later ones acdit4j also writes are {@link MlflowRevision}. */
    public static final String REVISION = "f5a4f2784254";
    /** The MLflow release whose head revision {@link #REVISION} is. */
    public static final String MLFLOW_VERSION = "2.17";

    /**
     * Revisions before {@link #REVISION} in MLflow's migration chain, oldest first: a database stamped with one
     * of them was made by an older MLflow and can be upgraded.
     */
    static final List<String> OLDER_REVISIONS = List.of(
            "451aebb31d03", "90e64c465722", "181f10493468", "df50e92ffc5e", "7ac759974ad8", "89d4b8295536",
            "2b4d017a5e9b", "cfd24bdc0731", "0a8213491aaa", "728d730b5ebd", "27a6a02d2cf1", "84291f40a231",
            "a8c4a736bde6", "39d1c3be5f05", "c48cb773bb87", "bd07f7e963c5", "0c779009ac13", "cc1f77228345",
            "97727af70f4d", "3500859a5d39", "7f2a7d5fae7d", "2d6e25af4d3e", "acf3f17fdcc7", "867495a8f9d4",
            "5b0e9adcef9c", "4465047574b1");

    /** Every table MLflow expects at {@link #REVISION}, {@code alembic_version} included. */
    public static final Set<String> TABLES = Set.of("alembic_version", "experiments", "experiment_tags", "runs",
            "tags", "params", "metrics", "latest_metrics", "registered_models", "model_versions",
            "registered_model_tags", "model_version_tags", "registered_model_aliases", "datasets", "inputs",
            "input_tags", "trace_info", "trace_tags", "trace_request_metadata");

    private static final String DDL_RESOURCE = "mlflow-" + REVISION + ".sql";

    private MlflowSchema() {
    }

    /** Creates every table and index and stamps the revision; the caller holds a write transaction. */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : statements()) {
                statement.execute(ddl);
            }
            statement.execute("INSERT INTO alembic_version (version_num) VALUES ('" + REVISION + "')");
        }
    }

    /** The stamped revision, or {@code null} when the database has no {@code alembic_version} table or row. */
    static String revisionOf(Connection connection) throws SQLException {
        if (!tablesOf(connection).contains("alembic_version")) {
            return null;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version_num FROM alembic_version")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** The names of the database's tables (SQLite's own tables left out). */
    static Set<String> tablesOf(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** The tables of {@link #TABLES} that {@code connection}'s database lacks, comma-separated, or empty. */
    static String missingTables(Connection connection) throws SQLException {
        Set<String> present = tablesOf(connection);
        return TABLES.stream().filter(t -> !present.contains(t)).sorted().collect(Collectors.joining(", "));
    }

    /** True for a revision that MLflow's chain has before {@link #REVISION}. */
    static boolean isOlder(String revision) {
        return OLDER_REVISIONS.contains(revision);
    }

    private static List<String> statements() {
        try (InputStream in = MlflowSchema.class.getResourceAsStream(DDL_RESOURCE)) {
            if (in == null) {
                throw new TrackingException("schema resource " + DDL_RESOURCE + " is missing from the tracking jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = text.lines().filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new TrackingException("cannot read schema resource " + DDL_RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
