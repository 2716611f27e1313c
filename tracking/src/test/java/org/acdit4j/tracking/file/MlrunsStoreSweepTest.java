package org.acdit4j.tracking.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.support.MutableClock;
import org.acdit4j.tracking.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlrunsStoreSweepTest {

    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path temp;

    @Test
    void sweepWithParentChildrenMetricsAndArtifactsFollowsMlflowFileStoreRules() throws Exception {
        Path root = temp.resolve("mlruns");
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(START));
        Path png = TestFiles.png(temp.resolve("out"), "grid.png");
        Path csv = TestFiles.csv(temp.resolve("out"), "summary.csv");
        String parentId;
        try (MlrunsStore store = new MlrunsStore(root, clock, TestFiles.SOURCE, MetricBuffering.defaults())) {
            TrackedRun parent = store.startRun(new RunStart("block-size-tradeoff", "sweep", null,
                    Map.of("sweep", "grid"), "AR vs diffusion"));
            parentId = parent.runId();
            for (int block : new int[] {1, 4, 16}) {
                TrackedRun child = store.startRun(new RunStart("block-size-tradeoff", "block" + block + "-seed0",
                        parentId, Map.of(), null));
                child.logParams(Map.of("model.blockSize", Integer.toString(block), "train.lr", "3.0E-4"));
                for (int step = 0; step < 5; step++) {
                    clock.advance(java.time.Duration.ofMillis(10));
                    child.logMetric("train/loss", 1.0 / (step + 1 + block), step);
                }
                child.logMetric("fid", block == 16 ? Double.NaN : 10.0 * block, 5);
                child.logArtifact(png, "samples");
                child.end(block == 4 ? RunStatus.FAILED : RunStatus.FINISHED);
            }
            parent.logArtifact(csv, "");
            parent.end(RunStatus.FINISHED);
        }

        MlflowFileStoreReader.Experiment experiment = new MlflowFileStoreReader()
                .experimentNamed(root, "block-size-tradeoff");
        assertThat(new MlflowFileStoreReader().experimentNamed(root, "Default").id()).isEqualTo("0");
        assertThat(experiment.runs()).hasSize(4);

        MlflowFileStoreReader.Run parent = experiment.runNamed("sweep");
        assertThat(parent.id()).isEqualTo(parentId);
        assertThat(parent.status()).isEqualTo(3);
        assertThat(parent.meta().get("end_time")).isInstanceOf(Long.class);
        assertThat(parent.meta()).containsEntry("run_name", "sweep").containsEntry("user_id", "alice");
        assertThat(parent.tags()).containsEntry("mlflow.note.content", "AR vs diffusion")
                .containsEntry("mlflow.user", "alice").containsEntry("mlflow.source.type", "LOCAL")
                .containsEntry("mlflow.source.name", "org.acdit4j.Main")
                .containsEntry("mlflow.source.git.commit", "0123456789abcdef0123456789abcdef01234567")
                .containsEntry("mlflow.source.git.branch", "main")
                .containsEntry("mlflow.source.git.repoURL", "https://example.org/acdit4j.git")
                .containsEntry("sweep", "grid").doesNotContainKey("mlflow.parentRunId");
        assertThat(parent.artifacts().get("summary.csv")).isEqualTo(Files.readAllBytes(csv));

        MlflowFileStoreReader.Run failed = experiment.runNamed("block4-seed0");
        assertThat(failed.status()).isEqualTo(4);
        assertThat(failed.tags()).containsEntry("mlflow.parentRunId", parentId);
        assertThat(failed.params()).containsExactlyInAnyOrderEntriesOf(
                Map.of("model.blockSize", "4", "train.lr", "3.0E-4"));
        List<MlflowFileStoreReader.Point> loss = failed.metrics().get("train/loss");
        assertThat(loss).extracting(MlflowFileStoreReader.Point::step).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(loss.get(0).value()).isEqualTo(1.0 / 5);
        assertThat(loss).extracting(MlflowFileStoreReader.Point::timestamp).isSorted().allMatch(t -> t > START);
        assertThat(failed.artifacts().get("samples/grid.png")).isEqualTo(Files.readAllBytes(png));
        assertThat(failed.artifacts().get("samples/grid.png")).startsWith(0x89, 'P', 'N', 'G');

        MlflowFileStoreReader.Run nanRun = experiment.runNamed("block16-seed0");
        assertThat(nanRun.metrics().get("fid").get(0).value()).isNaN();
        Path nanFile = root.resolve(experiment.id()).resolve(nanRun.id()).resolve("metrics/fid");
        assertThat(Files.readString(nanFile, StandardCharsets.UTF_8)).matches("\\d{13} nan 5\n");
    }

    @Test
    void metaYamlTextQuotesIdsAndStoresStatusAsPlainInteger() throws Exception {
        Path root = temp.resolve("mlruns");
        String runId;
        String experimentId;
        try (MlrunsStore store = new MlrunsStore(root, new MutableClock(Instant.ofEpochMilli(START)),
                TestFiles.SOURCE, MetricBuffering.defaults())) {
            TrackedRun run = store.startRun(RunStart.of("e", "r"));
            runId = run.runId();
            experimentId = run.experimentId();
            run.end(RunStatus.KILLED);
        }
        assertThat(runId).matches("[0-9a-f]{32}");
        assertThat(experimentId).matches("[1-9][0-9]{17}");
        assertThat(Files.readAllLines(root.resolve("0/meta.yaml")))
                .contains("experiment_id: '0'", "name: Default", "lifecycle_stage: active");
        List<String> runMeta = Files.readAllLines(root.resolve(experimentId).resolve(runId).resolve("meta.yaml"));
        assertThat(runMeta).contains("status: 5", "experiment_id: '" + experimentId + "'", "tags: []",
                "source_type: 4", "deleted_time: null", "end_time: " + START, "start_time: " + START);
        assertThat(runMeta).isSorted();
    }
}
