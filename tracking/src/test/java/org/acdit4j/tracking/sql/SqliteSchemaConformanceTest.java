package org.acdit4j.tracking.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database the writer leaves behind, after using every kind of write it has, has exactly the tables,
 * columns, primary keys, foreign keys and indexes of MLflow 2.17's schema as described in the test data
 * {@code mlflow-2.17-schema.txt} (derived from MLflow's migrations), and is stamped with its revision.
 */
class SqliteSchemaConformanceTest {

    @TempDir
    Path temp;

    @Test
    void theWrittenDatabaseHasExactlyThePinnedRevisionsSchema() throws Exception {
        Path database = temp.resolve("mlflow.db");
        try (SqliteStore store = new SqliteStore(new SqliteLocation(database), Clock.systemUTC(), TestFiles.SOURCE,
                MetricBuffering.UNBUFFERED)) {
            TrackedRun parent = store.startRun(RunStart.of("conformance", "sweep"));
            TrackedRun child = store.startRun(new RunStart("conformance", "child", parent.runId(), Map.of(), "note"));
            child.logParams(Map.of("model.blockSize", "4"));
            child.setTags(Map.of("mlflow.runName", "child-renamed"));
            child.logMetric("train/loss", 0.5, 1);
            child.logMetric("train/loss", Double.NaN, 2);
            child.logArtifact(TestFiles.csv(temp.resolve("src"), "loss.csv"), "curves");
            child.end(RunStatus.FINISHED);
            store.resumeRun(child.runId()).end(RunStatus.KILLED);
            parent.end(RunStatus.FINISHED);
            store.runs(child.experimentId());
        }

        assertThat(actualSchema(database)).containsExactlyElementsOf(describedSchema());
        assertThat(SqliteFiles.rows(database, "SELECT version_num FROM alembic_version"))
                .containsExactly(List.of("f5a4f2784254"));
    }

    @Test
    void theTablesTheStoreRequiresOnOpeningAreThoseOfThePinnedRevision() throws Exception {
        List<String> tables = describedSchema().stream().filter(l -> l.startsWith("table "))
                .map(l -> l.substring("table ".length())).toList();
        assertThat(MlflowSchema.TABLES).containsExactlyInAnyOrderElementsOf(tables);
    }

    private static List<String> describedSchema() throws IOException {
        try (InputStream in = SqliteSchemaConformanceTest.class.getResourceAsStream("mlflow-2.17-schema.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ArrayList<>(new TreeSet<>(text.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()));
        }
    }

    private static List<String> actualSchema(Path database) throws SQLException {
        TreeSet<String> facts = new TreeSet<>();
        try (Connection c = SqliteFiles.open(database)) {
            List<String> tables = SqliteFiles.rows(c, "SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite_%'").stream().map(r -> r.get(0)).toList();
            for (String table : tables) {
                facts.add("table " + table);
                for (List<String> column : SqliteFiles.rows(c, "PRAGMA table_info('" + table + "')")) {
                    facts.add("column " + table + " " + column.get(1) + " " + column.get(2) + " "
                            + ("1".equals(column.get(3)) ? "notnull" : "null") + " pk=" + column.get(5));
                }
                Map<String, String[]> keys = new TreeMap<>();
                for (List<String> fk : SqliteFiles.rows(c, "PRAGMA foreign_key_list('" + table + "')")) {
                    keys.merge(fk.get(0), new String[] {fk.get(3), fk.get(2), fk.get(4)}, (a, b) ->
                            new String[] {a[0] + "," + b[0], a[1], a[2] + "," + b[2]});
                }
                keys.values().forEach(k -> facts.add("fk " + table + " " + k[0] + " -> " + k[1] + " " + k[2]));
            }
            for (List<String> index : SqliteFiles.rows(c, "SELECT name, tbl_name FROM sqlite_master "
                    + "WHERE type = 'index' AND sql IS NOT NULL")) {
                List<String> columns = SqliteFiles.rows(c, "PRAGMA index_info('" + index.get(0) + "')").stream()
                        .map(r -> r.get(2)).toList();
                facts.add("index " + index.get(0) + " " + index.get(1) + " " + String.join(",", columns));
            }
        }
        return new ArrayList<>(facts);
    }
}
