package org.acdit4j.tracking.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.UnusableStoreException;
import org.acdit4j.tracking.support.MutableClock;
import org.acdit4j.tracking.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(START);

    private SqliteStore store(Path database) {
        return new SqliteStore(new SqliteLocation(database), clock, TestFiles.SOURCE, MetricBuffering.defaults());
    }

    @Test
    void aNewDatabaseIsStampedInWalModeWithTheDefaultExperimentAndItsArtifactFolder() throws Exception {
        Path database = temp.resolve("store/mlflow.db");
        try (SqliteStore store = store(database)) {
            assertThat(store.experiments()).extracting(e -> e.id() + " " + e.name()).containsExactly("0 Default");
        }
        assertThat(SqliteFiles.rows(database, "PRAGMA journal_mode")).containsExactly(List.of("wal"));
        assertThat(SqliteFiles.rows(database, "SELECT experiment_id, name, artifact_location, lifecycle_stage, "
                + "creation_time FROM experiments")).containsExactly(List.of("0", "Default",
                "file://" + temp.resolve("store/mlartifacts/0"), "active", Long.toString(START.toEpochMilli())));
        assertThat(temp.resolve("store/mlartifacts")).isDirectory();
    }

    @Test
    void parentAndChildRunsKeepParamsTagsMetricHistoriesEndStatesAndArtifacts() throws Exception {
        Path database = temp.resolve("mlflow.db");
        Path png = TestFiles.png(temp.resolve("src"), "grid.png");
        String childId;
        String experimentId;
        try (SqliteStore store = store(database)) {
            TrackedRun sweep = store.startRun(new RunStart("block-size", "sweep", null, Map.of(), "the sweep"));
            TrackedRun child = store.startRun(new RunStart("block-size", "block4-seed0", sweep.runId(),
                    Map.of("acdit.case", "block4"), null));
            childId = child.runId();
            experimentId = child.experimentId();
            child.logParams(Map.of("model.blockSize", "4", "train.steps", "600"));
            child.logParams(Map.of("model.blockSize", "4"));
            for (int step = 0; step < 5; step++) {
                clock.advance(Duration.ofMillis(10));
                child.logMetric("train/loss", 1.0 / (step + 1), step);
            }
            child.logMetric("fid", Double.POSITIVE_INFINITY, 4);
            child.logMetric("nan-metric", Double.NaN, 0);
            child.logArtifact(png, "samples/final");
            child.end(RunStatus.FINISHED);
            sweep.end(RunStatus.FINISHED);

            assertThat(experimentId).isEqualTo("1");
            RunSummary summary = store.runs(experimentId).stream().filter(r -> r.runId().equals(childId)).findFirst()
                    .orElseThrow();
            assertThat(summary.runName()).isEqualTo("block4-seed0");
            assertThat(summary.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(summary.parentRunId()).isEqualTo(sweep.runId());
            assertThat(summary.params()).containsEntry("model.blockSize", "4").containsEntry("train.steps", "600");
            assertThat(summary.latestMetrics()).containsEntry("train/loss", 0.2).containsEntry("fid", Double.MAX_VALUE);
            assertThat(summary.latestMetrics().get("nan-metric")).isNaN();
            assertThat(summary.latestStep()).isEqualTo(4);
            assertThat(summary.tags()).containsEntry("acdit.case", "block4")
                    .containsEntry("mlflow.parentRunId", sweep.runId());
        }

        assertThat(SqliteFiles.rows(database, "SELECT step, value, is_nan FROM metrics WHERE run_uuid = '" + childId
                + "' AND key = 'train/loss' ORDER BY step")).extracting(r -> r.get(0) + " " + Double.parseDouble(r.get(1))
                + " " + r.get(2)).containsExactly(
                "0 1.0 0", "1 0.5 0", "2 0.3333333333333333 0", "3 0.25 0", "4 0.2 0");
        assertThat(SqliteFiles.rows(database, "SELECT value, is_nan FROM metrics WHERE key = 'nan-metric'"))
                .containsExactly(List.of("0.0", "1"));
        assertThat(SqliteFiles.rows(database, "SELECT status, end_time IS NOT NULL, source_type, user_id, "
                + "artifact_uri FROM runs WHERE run_uuid = '" + childId + "'")).containsExactly(List.of("FINISHED", "1",
                "UNKNOWN", "alice", "file://" + temp.resolve("mlartifacts/1/" + childId + "/artifacts")));
        assertThat(SqliteFiles.rows(database, "SELECT key, value FROM tags WHERE run_uuid = '" + childId
                + "' ORDER BY key")).extracting(r -> r.get(0)).containsExactly("acdit.case", "mlflow.parentRunId",
                "mlflow.runName", "mlflow.source.git.branch", "mlflow.source.git.commit", "mlflow.source.git.repoURL",
                "mlflow.source.name", "mlflow.source.type", "mlflow.user");
        Path artifact = temp.resolve("mlartifacts/1/" + childId + "/artifacts/samples/final/grid.png");
        assertThat(artifact).hasSameBinaryContentAs(png);
        try (var entries = Files.list(temp.resolve("mlartifacts/1/" + childId))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("artifacts");
        }
    }

    @Test
    void resumingContinuesTheSameRunAndAChangedParamIsAOneLineError() throws Exception {
        Path database = temp.resolve("mlflow.db");
        String runId;
        try (SqliteStore store = store(database)) {
            TrackedRun run = store.startRun(RunStart.of("resume", "run"));
            runId = run.runId();
            run.logParams(Map.of("lr", "0.001"));
            run.logMetric("loss", 1.0, 1);
            run.logMetric("eval/fid", 7.0, 1);
            run.logMetric("eval/fid", 6.0, 0);
            assertThat(run.loggedSteps()).isEqualTo(LoggedSteps.NONE);
            run.end(RunStatus.KILLED);
        }
        try (SqliteStore store = store(database)) {
            TrackedRun resumed = store.resumeRun(runId);
            assertThat(resumed.loggedSteps()).isEqualTo(new LoggedSteps(Map.of("loss", 1L, "eval/fid", 1L)));
            assertThat(SqliteFiles.rows(database, "SELECT status, end_time FROM runs WHERE run_uuid = '" + runId + "'"))
                    .containsExactly(Arrays.asList("RUNNING", null));
            resumed.logMetric("loss", 0.5, 2);
            assertThatThrownBy(() -> resumed.logParams(Map.of("lr", "0.01"))).isInstanceOf(TrackingException.class)
                    .hasMessage("param 'lr' of run " + runId + " was already logged as '0.001'; params are immutable, "
                            + "so '0.01' is not allowed");
            resumed.end(RunStatus.FINISHED);
            assertThat(store.runs(resumed.experimentId())).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
                assertThat(r.latestMetrics()).containsEntry("loss", 0.5);
            });
            assertThatThrownBy(() -> store.resumeRun("0123456789abcdef0123456789abcdef"))
                    .hasMessage("run 0123456789abcdef0123456789abcdef not found in any active experiment of " + database);
        }
        assertThat(SqliteFiles.rows(database, "SELECT COUNT(*) FROM metrics WHERE run_uuid = '" + runId + "'"))
                .containsExactly(List.of("4"));
    }

    @Test
    void aLatestValueFollowsMlflowsRuleOfLargestStepNotLastLogged() throws Exception {
        try (SqliteStore store = store(temp.resolve("mlflow.db"))) {
            TrackedRun run = store.startRun(RunStart.of("latest", "run"));
            run.logMetric("acc", 0.9, 10);
            run.flush();
            clock.advance(Duration.ofSeconds(1));
            run.logMetric("acc", 0.1, 3);
            run.end(RunStatus.FINISHED);
            assertThat(store.runs(run.experimentId()).get(0).latestMetrics()).containsEntry("acc", 0.9);
        }
    }

    @Test
    void aDatabaseOfAnUnknownOrOlderRevisionIsRefusedInOneLineAndLeftByteIdentical() throws Exception {
        Path database = temp.resolve("mlflow.db");
        store(database).close();
        SqliteFiles.execute(database, "PRAGMA journal_mode = DELETE");
        SqliteFiles.execute(database, "UPDATE alembic_version SET version_num = 'abcdef123456'");
        byte[] before = Files.readAllBytes(database);
        assertThatThrownBy(() -> store(database)).isInstanceOf(UnusableStoreException.class)
                .hasMessage("database " + database + " has MLflow schema revision abcdef123456, newer than or unknown "
                        + "to acdit4j, which writes f5a4f2784254 (MLflow 2.17) and the later revisions up to "
                        + "c9d4e5f6a7b8 (MLflow's migrations of 2025-12-18 and before): log to another database file "
                        + "(for example --tracking-uri sqlite:///acdit4j.db), or serve this one with 'mlflow server "
                        + "--backend-store-uri sqlite:///" + database + "' and pass its http:// URL as --tracking-uri");
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
        assertThat(SqliteFiles.rows(database, "PRAGMA journal_mode")).containsExactly(List.of("delete"));

        SqliteFiles.execute(database, "UPDATE alembic_version SET version_num = '4465047574b1'");
        byte[] older = Files.readAllBytes(database);
        assertThatThrownBy(() -> store(database)).hasMessageContaining("revision 4465047574b1, older than the "
                + "f5a4f2784254 (MLflow 2.17) that acdit4j writes: back it up, then run 'mlflow db upgrade sqlite:///"
                + database + "' with MLflow 2.17.x").hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(database)).isEqualTo(older);
    }

    @Test
    void aDatabaseThatIsNotMlflowsIsLeftAlone() throws Exception {
        Path database = temp.resolve("other.db");
        SqliteFiles.execute(database, "CREATE TABLE notes (text TEXT)");
        byte[] before = Files.readAllBytes(database);
        assertThatThrownBy(() -> store(database)).isInstanceOf(UnusableStoreException.class)
                .hasMessage("database " + database + " is not an MLflow tracking database (it has tables notes but "
                        + "no alembic_version); choose another file for --tracking-uri");
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
        assertThat(temp.resolve("mlartifacts")).doesNotExist();
    }

    @Test
    void theStatusForDoctorNamesTheRevisionOrWhatIsWrongWithoutCreatingAnything() throws Exception {
        SqliteLocation location = new SqliteLocation(temp.resolve("mlflow.db"));
        assertThat(SqliteStoreStatus.inspect(location).schema())
                .isEqualTo("not created yet; the first run creates it with schema f5a4f2784254 (MLflow 2.17)");
        assertThat(location.database()).doesNotExist();

        try (SqliteStore store = store(location.database())) {
            store.startRun(RunStart.of("doctor", "run")).end(RunStatus.FINISHED);
        }
        SqliteStoreStatus ok = SqliteStoreStatus.inspect(location);
        assertThat(ok.schema()).isEqualTo("f5a4f2784254 (tags.value up to 8000 characters; the revision acdit4j "
                + "creates; acdit4j writes it), 2 experiments, 1 runs");
        assertThat(ok.usable()).isTrue();
        assertThat(ok.revision()).isEqualTo(MlflowRevision.RUN_TAG_VALUE_8000);
        assertThat(ok.location().artifactRoot()).isEqualTo(temp.resolve("mlartifacts"));

        SqliteFiles.execute(location.database(), "UPDATE alembic_version SET version_num = 'abcdef123456'");
        SqliteStoreStatus newer = SqliteStoreStatus.inspect(location);
        assertThat(newer.usable()).isFalse();
        assertThat(newer.schema()).startsWith("database " + location.database()
                + " has MLflow schema revision abcdef123456, newer than or unknown to acdit4j").doesNotContain("\n");
    }
}
