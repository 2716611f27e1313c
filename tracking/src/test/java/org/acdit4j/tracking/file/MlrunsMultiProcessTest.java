package org.acdit4j.tracking.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.support.ChildWriters;
import org.acdit4j.tracking.support.TestFiles;
import org.acdit4j.tracking.support.WriterScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlrunsMultiProcessTest {

    @TempDir
    Path temp;

    @Test
    void twoProcessesLoggingAtOnceLoseNoLineAndCreateTheExperimentOnce() throws Exception {
        Path root = temp.resolve("mlruns");
        WriterScenarios.logConcurrently(StoreWriterMain.class, temp,
                new MlrunsStore(root, Clock.systemUTC(), TestFiles.SOURCE, MetricBuffering.defaults()), root.toString());

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
                    .containsExactlyElementsOf(WriterScenarios.ownValues(WriterScenarios.CONCURRENT_POINTS));
        }
        MlflowFileStoreReader.Run shared = reader.experimentNamed(root, "shared").runNamed("shared-run");
        assertThat(shared.tags()).containsEntry("touched-by-A", "yes").containsEntry("touched-by-B", "yes");
        assertThat(shared.metrics().get("shared")).extracting(MlflowFileStoreReader.Point::value)
                .containsExactlyInAnyOrderElementsOf(WriterScenarios.sharedValues(WriterScenarios.CONCURRENT_POINTS));
    }

    @Test
    void processKilledMidLoggingLeavesAStoreMlflowCanReadWithTheRunStillRunning() throws Exception {
        Path root = temp.resolve("mlruns");
        Path artifact = TestFiles.png(temp.resolve("src"), "sample.png");
        ChildWriters.killWhenReady(StoreWriterMain.class, temp.resolve("victim.log"), "endless", root.toString(),
                artifact.toString());

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
