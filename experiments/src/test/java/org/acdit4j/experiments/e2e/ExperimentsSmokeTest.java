package org.acdit4j.experiments.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every experiment besides the main job runs its {@code smoke} preset through the real CLI to a report. */
class ExperimentsSmokeTest {

    private static final String DATA_DIR = System.getProperty("acdit.test.dataDir");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"inference-scaling", "context-ablation", "rope-ablation", "understanding", "video-tradeoff",
            "long-horizon", "model-scaling", "video-learning-probe", "video-flow-probe", "video-width-probe",
            "video-recipe-probe", "token-ar-sampling", "objective-ablation", "solver-steps", "fashion-memorisation"})
    void theSmokePresetRunsToAReport(String experiment) throws Exception {
        int exit = AcditProcess.run(work, work.resolve("out.log"), "run", experiment, "--preset", "smoke",
                "--data-dir", DATA_DIR, "--workers", "2");

        assertThat(exit).as(Files.readString(work.resolve("out.log"))).isZero();
        Path results = work.resolve("results").resolve(experiment).resolve("smoke");
        List<String> summary = Files.readAllLines(results.resolve("summary.csv"));
        assertThat(summary).hasSize(3).allMatch(line -> line.startsWith("run,") || line.contains(",FINISHED,"));
        assertThat(results.resolve("REPORT.md")).content().contains("| runs | 2 finished of 2 |");
        assertThat(work.resolve("results").resolve(experiment).resolve("REPORT.md"))
                .as("a preset's report leaves the committed one alone").doesNotExist();
    }
}
