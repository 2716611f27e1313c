package org.acdit4j.tracking.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.tracking.CheckedRun;
import org.acdit4j.tracking.LocalArtifacts;
import org.acdit4j.tracking.LocalRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.MetricPoint;
import org.acdit4j.tracking.RunSource;

/**
 * An open run of a {@link SqliteStore}. Params, tags, the end state and artifacts are written at once; metric
 * points are buffered and written in one transaction per flush, into {@code metrics} (the history) and
 * {@code latest_metrics} (MLflow's rule for the latest value: largest step, then timestamp, then value).
 * Values are stored as MLflow's SQL store stores them: NaN as 0 with {@code is_nan} set, infinities as the
 * largest finite doubles.
 */
final class SqliteRun extends LocalRun {

    private static final Comparator<MetricPoint> MLFLOW_LATEST = Comparator.comparingLong(MetricPoint::step)
            .thenComparingLong(MetricPoint::timestampMillis).thenComparingDouble(p -> storedValue(p.value()));

    private final SqliteStore store;

    SqliteRun(SqliteStore store, String runId, String experimentId, Clock clock, MetricBuffering buffering,
              LoggedSteps logged, Consumer<? super CheckedRun> onEnd) {
        super(runId, experimentId, logged, onEnd, clock, buffering);
        this.store = store;
    }

    @Override
    protected void storeParams(Map<String, String> params) {
        store.connection().write(c -> {
            for (Map.Entry<String, String> param : params.entrySet()) {
                writeParam(c, param.getKey(), param.getValue());
            }
            return null;
        });
    }

    private void writeParam(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT value FROM params WHERE run_uuid = ? AND \"key\" = ?")) {
            query.setString(1, runId());
            query.setString(2, key);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    String existing = rows.getString(1);
                    if (existing.equals(value)) {
                        return;
                    }
                    throw changedParam(key, existing, value);
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO params (\"key\", value, run_uuid) VALUES (?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.setString(3, runId());
            insert.executeUpdate();
        }
    }

    @Override
    protected void storeTags(Map<String, String> tags) {
        store.connection().write(c -> {
            writeTags(c, runId(), tags);
            return null;
        });
    }

    /** Sets tags (replacing values); {@code mlflow.runName} also renames the run, as MLflow's store does. */
    static void writeTags(Connection c, String runId, Map<String, String> tags) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO tags (\"key\", value, run_uuid) "
                + "VALUES (?, ?, ?) ON CONFLICT (\"key\", run_uuid) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                upsert.setString(1, tag.getKey());
                upsert.setString(2, tag.getValue());
                upsert.setString(3, runId);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        String runName = tags.get(RunSource.RUN_NAME);
        if (runName != null) {
            try (PreparedStatement rename = c.prepareStatement("UPDATE runs SET name = ? WHERE run_uuid = ?")) {
                rename.setString(1, runName);
                rename.setString(2, runId);
                rename.executeUpdate();
            }
        }
    }

    @Override
    protected void storeArtifact(Path file, String artifactPath) {
        Path artifacts = store.connection().read(c -> store.artifactFolder(c, runId()));
        LocalArtifacts.copy(file, artifactPath, artifacts, artifacts.getParent(), runId());
    }

    @Override
    protected void writeMetrics(List<MetricPoint> points) {
        store.connection().write(c -> {
            insertHistory(c, points);
            updateLatest(c, points);
            return null;
        });
    }

    private void insertHistory(Connection c, List<MetricPoint> points) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO metrics "
                + "(\"key\", value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (MetricPoint point : points) {
                bindPoint(insert, point);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void updateLatest(Connection c, List<MetricPoint> points) throws SQLException {
        Map<String, MetricPoint> latestByKey = new LinkedHashMap<>();
        for (MetricPoint point : points) {
            latestByKey.merge(point.key(), point, (a, b) -> MLFLOW_LATEST.compare(b, a) > 0 ? b : a);
        }
        for (MetricPoint candidate : latestByKey.values()) {
            MetricPoint stored = storedLatest(c, candidate.key());
            if (stored == null || MLFLOW_LATEST.compare(candidate, stored) > 0) {
                try (PreparedStatement upsert = c.prepareStatement("INSERT INTO latest_metrics "
                        + "(\"key\", value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (\"key\", run_uuid) DO UPDATE SET value = excluded.value, "
                        + "timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan")) {
                    bindPoint(upsert, candidate);
                    upsert.executeUpdate();
                }
            }
        }
    }

    private MetricPoint storedLatest(Connection c, String key) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT value, timestamp, step FROM latest_metrics "
                + "WHERE run_uuid = ? AND \"key\" = ?")) {
            query.setString(1, runId());
            query.setString(2, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new MetricPoint(key, rows.getDouble(1), rows.getLong(2), rows.getLong(3)) : null;
            }
        }
    }

    private void bindPoint(PreparedStatement statement, MetricPoint point) throws SQLException {
        statement.setString(1, point.key());
        statement.setDouble(2, storedValue(point.value()));
        statement.setLong(3, point.timestampMillis());
        statement.setString(4, runId());
        statement.setLong(5, point.step());
        statement.setBoolean(6, Double.isNaN(point.value()));
    }

    /** MLflow's SQL form of a metric value: NaN as 0 (flagged by {@code is_nan}), ±infinity as ±Double.MAX_VALUE. */
    static double storedValue(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
        }
        return value;
    }

    @Override
    protected void storeEnd(RunStatus status) {
        store.connection().write(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE runs SET status = ?, end_time = ? WHERE run_uuid = ?")) {
                update.setString(1, status.mlflowName());
                update.setLong(2, nowMillis());
                update.setString(3, runId());
                update.executeUpdate();
            }
            return null;
        });
    }
}
