package org.acdit4j.tracking.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.tracking.RunSource;

/**
 * Reads the active runs of one experiment with their params, parent and latest metric values, in three
 * queries over the experiment (runs, then params and tags, then {@code latest_metrics}).
 */
final class SqliteRunListing {

    private final Connection connection;
    private final long experimentId;

    SqliteRunListing(Connection connection, long experimentId) {
        this.connection = connection;
        this.experimentId = experimentId;
    }

    List<RunSummary> runs() throws SQLException {
        Map<String, String[]> runs = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT run_uuid, name, status FROM runs "
                + "WHERE experiment_id = ? AND lifecycle_stage = ? ORDER BY start_time, run_uuid")) {
            query.setLong(1, experimentId);
            query.setString(2, SqliteStore.ACTIVE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
                }
            }
        }
        Map<String, Map<String, String>> params = keyValues("params");
        Map<String, Map<String, String>> tags = keyValues("tags");
        Map<String, Map<String, Double>> latest = new HashMap<>();
        Map<String, Long> latestSteps = new HashMap<>();
        readLatestMetrics(latest, latestSteps);
        List<RunSummary> summaries = new ArrayList<>();
        runs.forEach((runId, nameAndStatus) -> {
            Map<String, String> runTags = tags.getOrDefault(runId, Map.of());
            String name = nameAndStatus[0] == null || nameAndStatus[0].isEmpty()
                    ? runTags.getOrDefault(RunSource.RUN_NAME, "") : nameAndStatus[0];
            summaries.add(new RunSummary(runId, name, RunStatus.fromMlflowName(nameAndStatus[1]),
                    runTags.get(RunSource.PARENT_RUN_ID), params.getOrDefault(runId, Map.of()), runTags,
                    latest.getOrDefault(runId, Map.of()), latestSteps.getOrDefault(runId, 0L)));
        });
        return summaries;
    }

    private Map<String, Map<String, String>> keyValues(String table) throws SQLException {
        Map<String, Map<String, String>> byRun = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT t.run_uuid, t.\"key\", t.value FROM "
                + table + " t JOIN runs r ON r.run_uuid = t.run_uuid WHERE r.experiment_id = ?")) {
            query.setLong(1, experimentId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byRun.computeIfAbsent(rows.getString(1), id -> new TreeMap<>())
                            .put(rows.getString(2), rows.getString(3) == null ? "" : rows.getString(3));
                }
            }
        }
        return byRun;
    }

    /** Fills the latest value of each metric by run, and each run's largest step over its metrics. */
    private void readLatestMetrics(Map<String, Map<String, Double>> valuesByRun, Map<String, Long> stepByRun)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT m.run_uuid, m.\"key\", m.value, "
                + "m.is_nan, m.step FROM latest_metrics m JOIN runs r ON r.run_uuid = m.run_uuid WHERE r.experiment_id = ?")) {
            query.setLong(1, experimentId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    double value = rows.getBoolean(4) ? Double.NaN : rows.getDouble(3);
                    valuesByRun.computeIfAbsent(rows.getString(1), id -> new TreeMap<>()).put(rows.getString(2), value);
                    stepByRun.merge(rows.getString(1), rows.getLong(5), Math::max);
                }
            }
        }
    }
}
