package org.acdit4j.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    private record Result(int exitCode, String out, String err) {
    }

    private static Result acdit(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = AcditMain.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void doctorReportsTheOnednnBackendAndTheDataCache() {
        Result result = acdit("doctor", "--data-dir", System.getProperty("acdit.test.dataDir"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("CpuBackend (nd4j 1.0.0-M2.1)")
                .contains("linux-x86_64-onednn-avx2")
                .contains("built with")
                .containsPattern("OMP_NUM_THREADS\\s+1")
                .containsPattern("fashion-mnist\\s+fashion-mnist@1\\.1\\.0 (not )?fetched")
                .contains("synthetic-shapes")
                .containsPattern("moving-mnist\\s+generated from the mnist digits")
                .contains("mlruns");
    }

    @Test
    void anUnknownDatasetIsAUsageErrorListingTheKnownOnes() {
        Result result = acdit("data", "no-such-data");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(
                "acdit: unknown dataset 'no-such-data'; known: fashion-mnist, mnist, moving-mnist, synthetic-shapes");
    }

    @Test
    void aRunFolderOfAnotherConfigurationStopsTheSweepBeforeItStarts(@TempDir Path work) throws Exception {
        Path folder = work.resolve("runs/context-ablation/contextclean-seed0");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.yaml"), "train:\n  steps: 600\n");
        Files.writeString(folder.resolve("run.json"), "{\"experiment\":\"context-ablation\",\"run\":"
                + "\"contextclean-seed0\",\"index\":0,\"seed\":0,\"status\":\"FINISHED\"}");

        Result result = acdit("run", "context-ablation", "--preset", "smoke", "--runs-dir",
                work.resolve("runs").toString(), "--results-dir", work.resolve("results").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("acdit: " + folder + " holds a run with train.steps=600, this sweep "
                + "has train.steps=4; pass --runs-dir DIR (and --results-dir) for a separate set of runs, or delete the "
                + "folder");
    }

    @Test
    void anUnknownEvaluatorStopsTheSweepBeforeAnyRunTrains(@TempDir Path work) {
        Result result = acdit("run", "context-ablation", "--preset", "smoke", "evaluate.evaluators=fid,fvd",
                "--runs-dir", work.resolve("runs").toString(), "--results-dir", work.resolve("results").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("acdit: evaluate.evaluators: unknown evaluator 'fvd'; known: ")
                .contains("clip-fd, fid, fine-tune, frame-fid");
        assertThat(work.resolve("runs")).doesNotExist();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result result = acdit("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void listShowsTheExperimentsIncludingOnesFromPluginModules() {
        Result result = acdit("list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("block-size-tradeoff\\s+presets: quick, standard, paper, smoke")
                .containsPattern("inference-scaling\\s+presets: quick, standard, smoke")
                .contains("context-ablation").contains("rope-ablation").contains("understanding").contains("video-tradeoff").contains("long-horizon")
                .contains("plugin-example").contains("added by a plugin module");
    }

    @Test
    void anUnknownExperimentIsAUsageError() {
        Result result = acdit("run", "no-such-experiment");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("acdit: unknown experiment 'no-such-experiment'; known: block-size-tradeoff");
    }

    @Test
    void anUnknownBenchmarkOptionIsAUsageError() {
        Result result = acdit("bench", "--speed=fast");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("acdit: Unknown option: '--speed=fast'");
    }

    @Test
    void anImpossibleBenchmarkSettingIsAUsageError() {
        Result result = acdit("bench", "--steps=0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("acdit: bench needs at least one block size, steps >= 1");
    }

    @Test
    void helpListsTheCommands() {
        Result result = acdit("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("doctor").contains("data").containsPattern("2\\s+usage or configuration error");
    }
}
