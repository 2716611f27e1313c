package org.acdit4j.tracking.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.support.ChildWriters;
import org.acdit4j.tracking.support.TestFiles;
import org.acdit4j.tracking.support.WriterScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMultiProcessTest {

    @TempDir
    Path temp;

    @Test
    void twoProcessesLoggingAtOnceLoseNoPointAndCreateTheExperimentOnce() throws Exception {
        Path database = temp.resolve("mlflow.db");
        String sharedRunId = WriterScenarios.logConcurrently(SqliteWriterMain.class, temp, new SqliteStore(
                new SqliteLocation(database), Clock.systemUTC(), TestFiles.SOURCE, MetricBuffering.defaults()),
                database.toString());

        assertThat(SqliteFiles.rows(database, "SELECT name FROM experiments ORDER BY experiment_id"))
                .extracting(r -> r.get(0)).containsExactly("Default", "shared", "concurrent");
        List<List<String>> ownRuns = SqliteFiles.rows(database, "SELECT r.name, r.status, p.value FROM runs r "
                + "JOIN experiments e ON e.experiment_id = r.experiment_id JOIN params p ON p.run_uuid = r.run_uuid "
                + "WHERE e.name = 'concurrent' ORDER BY r.name");
        assertThat(ownRuns).containsExactly(List.of("child-A", "FINISHED", "A"), List.of("child-B", "FINISHED", "B"));
        for (String label : List.of("A", "B")) {
            assertThat(SqliteFiles.rows(database, "SELECT m.value FROM metrics m JOIN runs r ON r.run_uuid = m.run_uuid "
                    + "WHERE r.name = 'child-" + label + "' AND m.key = 'loss' ORDER BY m.step"))
                    .extracting(r -> Double.parseDouble(r.get(0)))
                    .containsExactlyElementsOf(WriterScenarios.ownValues(WriterScenarios.CONCURRENT_POINTS));
        }
        assertThat(SqliteFiles.rows(database, "SELECT key FROM tags WHERE run_uuid = '" + sharedRunId
                + "' AND key LIKE 'touched-by-%' ORDER BY key")).extracting(r -> r.get(0))
                .containsExactly("touched-by-A", "touched-by-B");
        assertThat(SqliteFiles.rows(database, "SELECT value FROM metrics WHERE run_uuid = '" + sharedRunId + "'"))
                .extracting(r -> Double.parseDouble(r.get(0))).containsExactlyInAnyOrderElementsOf(WriterScenarios.sharedValues(WriterScenarios.CONCURRENT_POINTS));
    }

    @Test
    void twoProcessesOpeningANewDatabaseAtOnceCreateItsSchemaOnce() throws Exception {
        Path database = temp.resolve("new/mlflow.db");
        ChildWriters.runTwoAtOnce(SqliteWriterMain.class, temp, Duration.ofMillis(1500),
                label -> List.of("fresh", database.toString(), label, "50"));
        assertThat(SqliteFiles.rows(database, "SELECT version_num FROM alembic_version"))
                .containsExactly(List.of(MlflowSchema.REVISION));
        assertThat(SqliteFiles.rows(database, "SELECT experiment_id, name FROM experiments ORDER BY experiment_id"))
                .containsExactly(List.of("0", "Default"), List.of("1", "fresh"));
        assertThat(SqliteFiles.rows(database, "SELECT r.name, r.status, COUNT(m.step) FROM runs r JOIN metrics m "
                + "ON m.run_uuid = r.run_uuid GROUP BY r.run_uuid ORDER BY r.name"))
                .containsExactly(List.of("fresh-A", "FINISHED", "50"), List.of("fresh-B", "FINISHED", "50"));
    }

    @Test
    void processKilledMidLoggingLeavesADatabaseThatOpensWithTheRunStillRunning() throws Exception {
        Path database = temp.resolve("mlflow.db");
        Path artifact = TestFiles.png(temp.resolve("src"), "sample.png");
        Process victim = ChildWriters.killWhenReady(SqliteWriterMain.class, temp.resolve("victim.log"), "endless",
                database.toString(), artifact.toString());
        assertThat(victim.exitValue()).isEqualTo(137);

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            assertThat(SqliteFiles.rows(connection, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(SqliteFiles.rows(connection, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(SqliteFiles.rows(connection, "SELECT version_num FROM alembic_version"))
                    .containsExactly(List.of(MlflowSchema.REVISION));
        }
        try (SqliteStore store = new SqliteStore(new SqliteLocation(database), Clock.systemUTC(), TestFiles.SOURCE,
                MetricBuffering.defaults())) {
            String killed = store.experiments().stream().filter(e -> e.name().equals("killed")).findFirst()
                    .orElseThrow().id();
            RunSummary run = store.runs(killed).get(0);
            assertThat(run.runName()).isEqualTo("victim");
            assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(run.params()).containsEntry("mode", "endless");
            assertThat(run.latestMetrics()).containsKeys("loss", "train/accuracy");
            long points = Long.parseLong(SqliteFiles.rows(database, "SELECT COUNT(*) FROM metrics WHERE run_uuid = '"
                    + run.runId() + "' AND key = 'loss'").get(0).get(0));
            long latestStep = Long.parseLong(SqliteFiles.rows(database, "SELECT step FROM latest_metrics WHERE "
                    + "run_uuid = '" + run.runId() + "' AND key = 'loss'").get(0).get(0));
            assertThat(points).isGreaterThan(10).isEqualTo(latestStep + 1);
            assertThat(SqliteFiles.rows(database, "SELECT end_time FROM runs WHERE run_uuid = '" + run.runId() + "'"))
                    .containsExactly(Collections.singletonList(null));
            Path artifacts = temp.resolve("mlartifacts/" + killed + "/" + run.runId() + "/artifacts");
            assertThat(artifacts.resolve("samples/step0/sample.png")).hasSameBinaryContentAs(artifact);
        }
    }
}
