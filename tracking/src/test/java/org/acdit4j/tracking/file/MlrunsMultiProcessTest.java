package org.acdit4j.tracking.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.support.ChildJvm;
import org.acdit4j.tracking.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlrunsMultiProcessTest {

    private static final int POINTS = 300;

    @TempDir
    Path temp;

    @Test
    void twoProcessesLoggingAtOnceLoseNoLineAndCreateTheExperimentOnce() throws Exception {
        Path root = temp.resolve("mlruns");
        String sharedRunId;
        try (MlrunsStore store = new MlrunsStore(root, Clock.systemUTC(), TestFiles.SOURCE,
                MetricBuffering.defaults())) {
            sharedRunId = store.startRun(RunStart.of("shared", "shared-run")).runId();
        }
        Path go = temp.resolve("go");
        Process a = ChildJvm.start(StoreWriterMain.class, temp.resolve("a.log"), "concurrent", root.toString(), "A",
                sharedRunId, Integer.toString(POINTS), go.toString());
        Process b = ChildJvm.start(StoreWriterMain.class, temp.resolve("b.log"), "concurrent", root.toString(), "B",
                sharedRunId, Integer.toString(POINTS), go.toString());
        Files.writeString(go, "go");
        try {
            assertThat(a.waitFor(90, TimeUnit.SECONDS)).as("child A finished").isTrue();
            assertThat(b.waitFor(90, TimeUnit.SECONDS)).as("child B finished").isTrue();
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        assertThat(a.exitValue()).as(Files.readString(temp.resolve("a.log"))).isZero();
        assertThat(b.exitValue()).as(Files.readString(temp.resolve("b.log"))).isZero();

        MlflowFileStoreReader reader = new MlflowFileStoreReader();
        List<MlflowFileStoreReader.Experiment> experiments = reader.read(root);
        assertThat(experiments).extracting(MlflowFileStoreReader.Experiment::name)
                .containsExactlyInAnyOrder("Default", "shared", "concurrent");
        MlflowFileStoreReader.Experiment concurrent = reader.experimentNamed(root, "concurrent");
        assertThat(concurrent.runs()).hasSize(2);
        for (String label : List.of("A", "B")) {
            MlflowFileStoreReader.Run run = concurrent.runNamed("child-" + label);
            assertThat(run.status()).isEqualTo(3);
            assertThat(run.params()).containsEntry("label", label);
            assertThat(run.metrics().get("loss")).extracting(MlflowFileStoreReader.Point::value)
                    .containsExactlyElementsOf(LongStream.range(0, POINTS).mapToObj(i -> (double) i).toList());
        }
        MlflowFileStoreReader.Run shared = reader.experimentNamed(root, "shared").runNamed("shared-run");
        assertThat(shared.tags()).containsEntry("touched-by-A", "yes").containsEntry("touched-by-B", "yes");
        assertThat(shared.metrics().get("shared")).extracting(MlflowFileStoreReader.Point::value)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                        LongStream.range(0, POINTS).mapToObj(i -> (double) i),
                        LongStream.range(0, POINTS).mapToObj(i -> 10_000.0 + i)).toList());
    }

    @Test
    void processKilledMidLoggingLeavesAStoreMlflowCanReadWithTheRunStillRunning() throws Exception {
        Path root = temp.resolve("mlruns");
        Path artifact = TestFiles.png(temp.resolve("src"), "sample.png");
        Path log = temp.resolve("victim.log");
        Process victim = ChildJvm.start(StoreWriterMain.class, log, "endless", root.toString(), artifact.toString());
        try {
            for (int wait = 0; wait < 600 && !Files.readString(log).contains("READY"); wait++) {
                assertThat(victim.isAlive()).as(Files.readString(log)).isTrue();
                Thread.sleep(50);
            }
            assertThat(Files.readString(log)).contains("READY");
            Thread.sleep(400);
        } finally {
            victim.destroyForcibly();
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        MlflowFileStoreReader.Run run = new MlflowFileStoreReader().experimentNamed(root, "killed").runNamed("victim");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.meta().get("end_time")).isNull();
        assertThat(run.params()).containsEntry("mode", "endless");
        assertThat(run.metrics().get("loss")).hasSizeGreaterThan(10);
        assertThat(run.metrics().get("train/accuracy")).hasSizeGreaterThan(10);
        assertThat(run.tags().get("progress")).matches("\\d+");
        assertThat(run.artifacts()).containsKey("samples/step0/sample.png");
        assertThat(run.artifacts().values()).allSatisfy(bytes -> assertThat(bytes).isEqualTo(Files.readAllBytes(artifact)));
    }
}
