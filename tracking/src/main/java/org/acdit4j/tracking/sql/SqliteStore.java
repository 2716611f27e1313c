package org.acdit4j.tracking.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedExperiment;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.FileUris;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.OpenRuns;
import org.acdit4j.tracking.NewLocalRun;
import org.acdit4j.tracking.RunSource;
import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.UnusableStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker that writes into an MLflow SQLite database ({@code sqlite:///mlflow.db}) in MLflow's own schema
 * at revision {@value MlflowSchema#REVISION} (MLflow {@value MlflowSchema#MLFLOW_VERSION}) or a later revision of
 * {@link MlflowRevision}, with artifacts in {@link SqliteLocation#artifactRoot()}. A new or empty database file is
 * given the whole schema, the revision stamp and experiment {@code 0} "Default", as MLflow does; any other file is
 * refused, unchanged, with a one-line message saying what to do. Every change is one short SQLite transaction, so several processes
 * can log into one database at once and a killed process leaves a database that opens (its run stays RUNNING).
 */
public final class SqliteStore implements Tracker {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    private static final String DEFAULT_EXPERIMENT_NAME = "Default";
    static final String ACTIVE = "active";
    private static final String DELETED = "deleted";

    private final SqliteLocation location;
    private final Clock clock;
    private final RunSource source;
    private final MetricBuffering buffering;
    private final SqliteConnection connection;
    private final OpenRuns<SqliteRun> openRuns = new OpenRuns<>();

    /**
     * Opens the database of {@code location} for writing, creating the file, its schema and the artifact folder when
     * missing. A store it will not write (see {@link SqliteStoreStatus}) is refused before anything is created or
     * changed, with an {@link UnusableStoreException}.
     *
     * @param clock     source of run start/end times and metric timestamps
     * @param source    user, program and git state for the system tags
     * @param buffering when buffered metric points are written
     */
    public SqliteStore(SqliteLocation location, Clock clock, RunSource source, MetricBuffering buffering) {
        this(location, clock, source, buffering, openForWriting(location, clock));
    }

    private SqliteStore(SqliteLocation location, Clock clock, RunSource source, MetricBuffering buffering,
                        SqliteConnection connection) {
        this.location = location;
        this.clock = clock;
        this.source = source;
        this.buffering = buffering;
        this.connection = connection;
    }

    /**
     * Opens an existing database read-only, to list its experiments and runs; a missing or empty database, or one
     * acdit4j would not write, is an {@link UnusableStoreException} and nothing is created.
     */
    public static SqliteStore openForReading(SqliteLocation location, Clock clock, RunSource source,
                                             MetricBuffering buffering) {
        SqliteStoreStatus status = SqliteStoreStatus.inspect(location).requireUsable();
        if (status.state() != SqliteStoreState.READY) {
            throw new UnusableStoreException("no MLflow database at " + location.database() + " (" + status.schema()
                    + "); nothing was tracked there: check --tracking-uri or " + "MLFLOW_TRACKING_URI");
        }
        return new SqliteStore(location, clock, source, buffering,
                SqliteConnection.openReadOnly(location.database()));
    }

    /** True when the database of {@code location} holds the active run {@code runId}; reads only, creates nothing. */
    public static boolean holdsRun(SqliteLocation location, String runId) {
        if (SqliteStoreStatus.inspect(location).state() != SqliteStoreState.READY) {
            return false;
        }
        try (SqliteConnection connection = SqliteConnection.openReadOnly(location.database())) {
            return connection.read(c -> {
                try (PreparedStatement query = c.prepareStatement(
                        "SELECT 1 FROM runs WHERE run_uuid = ? AND lifecycle_stage = ?")) {
                    query.setString(1, runId);
                    query.setString(2, ACTIVE);
                    try (ResultSet rows = query.executeQuery()) {
                        return rows.next();
                    }
                }
            });
        }
    }

    private static SqliteConnection openForWriting(SqliteLocation location, Clock clock) {
        SqliteStoreStatus.inspect(location).requireUsable();
        try {
            Files.createDirectories(location.artifactRoot());
        } catch (IOException e) {
            throw new TrackingException("cannot create the artifact folder " + location.artifactRoot() + ": " + e, e);
        }
        SqliteConnection connection = SqliteConnection.openForWriting(location.database());
        try {
            connection.write(c -> initialiseOrCheck(c, location, clock));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Where the database and the artifacts are. */
    public SqliteLocation location() {
        return location;
    }

    @Override
    public String describe() {
        return "MLflow SQLite store " + location.database() + " (artifacts in " + location.artifactRoot() + ")";
    }

    @Override
    public TrackedRun startRun(RunStart start) {
        NewLocalRun run = NewLocalRun.of(start, source);
        String experimentId = connection.write(c -> {
            long experiment = experimentIdByName(c, run.experimentName());
            String artifactUri = artifactLocation(c, experiment) + "/" + run.runId() + "/artifacts";
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (run_uuid, name, source_type, "
                    + "source_name, entry_point_name, user_id, status, start_time, end_time, source_version, "
                    + "lifecycle_stage, artifact_uri, experiment_id, deleted_time) "
                    + "VALUES (?, ?, 'UNKNOWN', '', '', ?, ?, ?, NULL, '', ?, ?, ?, NULL)")) {
                insert.setString(1, run.runId());
                insert.setString(2, run.runName());
                insert.setString(3, source.user());
                insert.setString(4, RunStatus.RUNNING.mlflowName());
                insert.setLong(5, clock.millis());
                insert.setString(6, ACTIVE);
                insert.setString(7, artifactUri);
                insert.setLong(8, experiment);
                insert.executeUpdate();
            }
            SqliteRun.writeTags(c, run.runId(), run.tags());
            return Long.toString(experiment);
        });
        LOG.info("Started run {} ({}) in experiment '{}' of {}", run.runName(), run.runId(), run.experimentName(),
                location.database());
        return open(run.runId(), experimentId, LoggedSteps.NONE);
    }

    @Override
    public TrackedRun resumeRun(String runId) {
        String experimentId = connection.write(c -> {
            String experiment = activeRunExperiment(c, runId);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE runs SET status = ?, end_time = NULL WHERE run_uuid = ?")) {
                update.setString(1, RunStatus.RUNNING.mlflowName());
                update.setString(2, runId);
                update.executeUpdate();
            }
            return experiment;
        });
        LoggedSteps logged = connection.read(c -> loggedSteps(c, runId));
        LOG.info("Resumed run {} of {}", runId, location.database());
        return open(runId, experimentId, logged);
    }

    @Override
    public List<TrackedExperiment> experiments() {
        return connection.read(c -> {
            List<TrackedExperiment> experiments = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT experiment_id, name FROM experiments WHERE lifecycle_stage = ? ORDER BY experiment_id")) {
                query.setString(1, ACTIVE);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        experiments.add(new TrackedExperiment(Long.toString(rows.getLong(1)), rows.getString(2)));
                    }
                }
            }
            return experiments;
        });
    }

    @Override
    public List<RunSummary> runs(String experimentId) {
        return connection.read(c -> new SqliteRunListing(c, requireActiveExperiment(c, experimentId)).runs());
    }

    @Override
    public void close() {
        openRuns.closeAfter(SqliteRun::flush, connection::close);
    }

    SqliteConnection connection() {
        return connection;
    }

    /** The largest step of each metric in the run's history. */
    private static LoggedSteps loggedSteps(Connection c, String runId) throws SQLException {
        Map<String, Long> lastSteps = new TreeMap<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT \"key\", MAX(step) FROM metrics WHERE run_uuid = ? GROUP BY \"key\"")) {
            query.setString(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lastSteps.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return new LoggedSteps(lastSteps);
    }

    private SqliteRun open(String runId, String experimentId, LoggedSteps logged) {
        return openRuns.add(new SqliteRun(this, runId, experimentId, clock, buffering, logged, openRuns::remove));
    }

    /**
     * Creates the schema in an empty database, or checks the one found; repeated inside the write transaction because
     * another process may have created the database since it was inspected.
     */
    private static Void initialiseOrCheck(Connection c, SqliteLocation location, Clock clock) throws SQLException {
        String revision = MlflowSchema.revisionOf(c);
        if (revision == null) {
            Set<String> tables = MlflowSchema.tablesOf(c);
            if (!tables.isEmpty()) {
                throw new UnusableStoreException("database " + location.database() + " is not an MLflow tracking "
                        + "database (it has tables " + String.join(", ", tables) + " but no alembic_version); "
                        + "choose another file for --tracking-uri");
            }
            MlflowSchema.create(c);
            insertDefaultExperiment(c, location, clock);
            LOG.info("Created MLflow database {} at schema revision {}", location.database(), MlflowSchema.REVISION);
            return null;
        }
        if (MlflowRevision.of(revision).isEmpty()) {
            throw new UnusableStoreException(SchemaMismatch.describe(location, revision));
        }
        String missing = MlflowSchema.missingTables(c);
        if (!missing.isEmpty()) {
            throw new UnusableStoreException("database " + location.database() + " is stamped with revision "
                    + revision + " but lacks the tables " + missing + "; it is damaged: restore a backup or use "
                    + "another file");
        }
        return null;
    }

    private static void insertDefaultExperiment(Connection c, SqliteLocation location, Clock clock)
            throws SQLException {
        long now = clock.millis();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO experiments (experiment_id, name, "
                + "artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (0, ?, ?, ?, ?, ?)")) {
            insert.setString(1, DEFAULT_EXPERIMENT_NAME);
            insert.setString(2, experimentArtifactLocation(location, 0));
            insert.setString(3, ACTIVE);
            insert.setLong(4, now);
            insert.setLong(5, now);
            insert.executeUpdate();
        }
    }

    /** The id of the experiment named {@code name}, created (as MLflow numbers them: the next integer) when missing. */
    private long experimentIdByName(Connection c, String name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT experiment_id, lifecycle_stage FROM experiments WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    if (DELETED.equals(rows.getString(2))) {
                        throw new TrackingException("experiment '" + name + "' exists in deleted state in "
                                + location.database() + "; restore it with MLflow or choose another name");
                    }
                    return rows.getLong(1);
                }
            }
        }
        long now = clock.millis();
        long id;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO experiments (name, artifact_location, "
                + "lifecycle_stage, creation_time, last_update_time) VALUES (?, NULL, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, ACTIVE);
            insert.setLong(3, now);
            insert.setLong(4, now);
            insert.executeUpdate();
        }
        try (PreparedStatement lastId = c.prepareStatement("SELECT last_insert_rowid()");
             ResultSet rows = lastId.executeQuery()) {
            rows.next();
            id = rows.getLong(1);
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?")) {
            update.setString(1, experimentArtifactLocation(location, id));
            update.setLong(2, id);
            update.executeUpdate();
        }
        LOG.info("Created experiment '{}' ({}) in {}", name, id, location.database());
        return id;
    }

    private static String experimentArtifactLocation(SqliteLocation location, long experimentId) {
        return FileUris.of(location.artifactRoot().resolve(Long.toString(experimentId)));
    }

    private String artifactLocation(Connection c, long experimentId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT artifact_location FROM experiments WHERE experiment_id = ?")) {
            query.setLong(1, experimentId);
            try (ResultSet rows = query.executeQuery()) {
                String stored = rows.next() ? rows.getString(1) : null;
                return stored == null || stored.isEmpty() ? experimentArtifactLocation(location, experimentId) : stored;
            }
        }
    }

    private String activeRunExperiment(Connection c, String runId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT r.experiment_id FROM runs r JOIN experiments e "
                + "ON e.experiment_id = r.experiment_id WHERE r.run_uuid = ? AND r.lifecycle_stage = ? "
                + "AND e.lifecycle_stage = ?")) {
            query.setString(1, runId);
            query.setString(2, ACTIVE);
            query.setString(3, ACTIVE);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new TrackingException("run " + runId + " not found in any active experiment of "
                            + location.database());
                }
                return Long.toString(rows.getLong(1));
            }
        }
    }

    private long requireActiveExperiment(Connection c, String experimentId) throws SQLException {
        long id;
        try {
            id = Long.parseLong(experimentId);
        } catch (NumberFormatException e) {
            throw new TrackingException("experiment " + experimentId + " not found in " + location.database()
                    + ": MLflow's SQL store numbers experiments 0, 1, 2, ...");
        }
        try (PreparedStatement query = c.prepareStatement(
                "SELECT 1 FROM experiments WHERE experiment_id = ? AND lifecycle_stage = ?")) {
            query.setLong(1, id);
            query.setString(2, ACTIVE);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new TrackingException("experiment " + experimentId + " not found in " + location.database());
                }
            }
        }
        return id;
    }

    /** The artifact folder of a run, read from its {@code artifact_uri}. */
    Path artifactFolder(Connection c, String runId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT artifact_uri FROM runs WHERE run_uuid = ?")) {
            query.setString(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new TrackingException("run " + runId + " not found in " + location.database());
                }
                return FileUris.toPath(rows.getString(1), "run " + runId + " of " + location.database());
            }
        }
    }
}
