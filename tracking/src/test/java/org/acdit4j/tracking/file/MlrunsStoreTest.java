package org.acdit4j.tracking.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.support.MutableClock;
import org.acdit4j.tracking.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlrunsStoreTest {

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_000L));

    private MlrunsStore store() {
        return new MlrunsStore(temp.resolve("mlruns"), clock, TestFiles.SOURCE, MetricBuffering.defaults());
    }

    @Test
    void paramsAreImmutableButRepeatingTheSameValueIsAllowed() {
        try (MlrunsStore store = store()) {
            TrackedRun run = store.startRun(RunStart.of("e", "r"));
            run.logParams(Map.of("lr", "0.1"));
            run.logParams(Map.of("lr", "0.1"));
            assertThatThrownBy(() -> run.logParams(Map.of("lr", "0.2"))).isInstanceOf(TrackingException.class)
                    .hasMessage("param 'lr' of run " + run.runId()
                            + " was already logged as '0.1'; params are immutable, so '0.2' is not allowed");
        }
    }

    @Test
    void invalidKeysAreRejectedNamingTheKeyAndTheRule() {
        try (MlrunsStore store = store()) {
            TrackedRun run = store.startRun(RunStart.of("e", "r"));
            assertThatThrownBy(() -> run.logMetric("loss:train", 1, 0)).hasMessageContaining("'loss:train'")
                    .hasMessageContaining("only letters, digits");
            assertThatThrownBy(() -> run.setTags(Map.of("../x", "v"))).hasMessageContaining("'../x'");
            assertThatThrownBy(() -> run.logParams(Map.of("a//b", "v"))).hasMessageContaining("'a//b'");
        }
    }

    @Test
    void artifactPathsCannotLeaveTheRunsArtifactFolder() throws Exception {
        Path png = TestFiles.png(temp.resolve("src"), "a.png");
        try (MlrunsStore store = store()) {
            TrackedRun run = store.startRun(RunStart.of("e", "r"));
            assertThatThrownBy(() -> run.logArtifact(png, "../../x")).isInstanceOf(TrackingException.class)
                    .hasMessage("invalid artifact path '../../x': it must be relative to the run's artifact folder; "
                            + "'.' and '..' segments are not allowed");
            assertThatThrownBy(() -> run.logArtifact(png, "/etc")).hasMessageContaining("absolute paths are not allowed");
            Path artifacts = store.root().resolve(run.experimentId()).resolve(run.runId()).resolve("artifacts");
            Files.createSymbolicLink(artifacts.resolve("link"), temp.resolve("src"));
            assertThatThrownBy(() -> run.logArtifact(png, "link/deeper"))
                    .hasMessageContaining("goes through the symbolic link");
            assertThatThrownBy(() -> run.logArtifact(temp.resolve("src"), "")).hasMessageContaining("not a regular file");
            run.logArtifact(png, "ok/nested");
            assertThat(artifacts.resolve("ok/nested/a.png")).hasSameBinaryContentAs(png);
        }
    }

    @Test
    void resumeMarksTheRunRunningAgainAndKeepsItsHistory() {
        String runId;
        try (MlrunsStore store = store()) {
            TrackedRun run = store.startRun(RunStart.of("e", "r"));
            runId = run.runId();
            assertThat(run.loggedSteps()).isEqualTo(LoggedSteps.NONE);
            run.logMetric("loss", 3.0, 0);
            run.logMetric("loss", 2.0, 5);
            run.logMetric("loss", 2.5, 4);
            run.logMetric("eval/fid", 9.0, 3);
            run.end(RunStatus.KILLED);
        }
        try (MlrunsStore store = store()) {
            clock.advance(Duration.ofMinutes(1));
            TrackedRun resumed = store.resumeRun(runId);
            assertThat(resumed.loggedSteps()).isEqualTo(new LoggedSteps(Map.of("loss", 5L, "eval/fid", 3L)));
            RunSummary running = store.runs(resumed.experimentId()).get(0);
            assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
            resumed.logMetric("loss", 1.0, 6);
            resumed.end(RunStatus.FINISHED);
            assertThat(store.runs(resumed.experimentId())).singleElement()
                    .satisfies(r -> assertThat(r.latestMetrics()).containsEntry("loss", 1.0))
                    .satisfies(r -> assertThat(r.latestStep()).isEqualTo(6))
                    .satisfies(r -> assertThat(r.tags()).containsEntry("mlflow.runName", "r"))
                    .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.FINISHED));
            assertThatThrownBy(() -> store.resumeRun("0123456789abcdef0123456789abcdef"))
                    .hasMessageContaining("run 0123456789abcdef0123456789abcdef not found");
        }
    }

    @Test
    void bufferedMetricsAreWrittenOnlyWhenDue() {
        try (MlrunsStore store = new MlrunsStore(temp.resolve("mlruns"), clock, TestFiles.SOURCE,
                new MetricBuffering(1000, Duration.ofSeconds(2)))) {
            TrackedRun run = store.startRun(RunStart.of("e", "r"));
            Path metric = store.root().resolve(run.experimentId()).resolve(run.runId()).resolve("metrics/loss");
            run.logMetric("loss", 1, 0);
            assertThat(metric).doesNotExist();
            clock.advance(Duration.ofSeconds(3));
            run.logMetric("loss", 2, 1);
            assertThat(metric).content().hasLineCount(2);
        }
    }

    @Test
    void experimentsAreListedWithDefaultFirstAndNamesAreUnique() {
        try (MlrunsStore store = store()) {
            String first = store.startRun(RunStart.of("same", "a")).experimentId();
            String second = store.startRun(RunStart.of("same", "b")).experimentId();
            assertThat(second).isEqualTo(first);
            assertThat(store.experiments()).extracting(e -> e.name()).containsExactlyInAnyOrder("Default", "same");
            assertThat(store.describe()).isEqualTo("MLflow file store " + store.root());
        }
    }
}
