package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.acdit4j.framework.system.RunThreads;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class CliTest {

    @Test
    void doctorReportsTheLoadedBackendAndTheDataCache() {
        InProcessCli.Result result = acdit("doctor", "--data-dir", System.getProperty("acdit.test.dataDir"));

        String classifier = loadedNativeClassifier();
        assertThat(classifier).matches("(linux|macosx|windows)-(x86_64|x86|arm64|armhf|ppc64le)(-[a-z0-9]+)*");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains(Nd4j.getBackend().getClass().getSimpleName() + " (nd4j 1.0.0-M2.1)")
                .containsPattern("natives\\s+nd4j-[a-z0-9.-]+-1\\.0\\.0-M2\\.1-" + Pattern.quote(classifier)
                        + "\\.jar; built with")
                .containsPattern("OMP_NUM_THREADS\\s+1")
                .containsPattern("run threads\\s+" + RunThreads.available() + " \\(ACDIT_THREADS, default the cores")
                .containsPattern("fashion-mnist\\s+fashion-mnist@1\\.1\\.0 (not )?fetched")
                .contains("synthetic-shapes")
                .containsPattern("moving-mnist\\s+generated from the mnist digits")
                .contains("mlflow.db").containsPattern("acdit4j writes it\\s+(yes|no)");
    }

    /**
     * The native build ND4J loaded in this JVM, e.g. {@code linux-x86_64-onednn-avx2}: a native jar keeps its
     * libraries in a folder named after its classifier ({@code …/bindings/linux-x86_64-onednn-avx2/libjnind4jcpu.so}),
     * and JavaCPP loads them from a copy of that folder.
     */
    private static String loadedNativeClassifier() {
        return Loader.getLoadedLibraries().entrySet().stream()
                .filter(library -> library.getKey().startsWith("jnind4j"))
                .map(library -> Path.of(library.getValue()).getParent().getFileName().toString())
                .findFirst().orElseThrow(() -> new AssertionError("ND4J loaded no jnind4j library: "
                        + Loader.getLoadedLibraries().keySet()));
    }

    @Test
    void anUnknownDatasetIsAUsageErrorListingTheKnownOnes() {
        InProcessCli.Result result = acdit("data", "no-such-data");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(
                "acdit: unknown dataset 'no-such-data'; known: fashion-mnist, image-folder, mnist, moving-mnist, synthetic-shapes");
    }

    @Test
    void aRunFolderOfAnotherConfigurationStopsTheSweepBeforeItStarts(@TempDir Path work) throws Exception {
        Path folder = work.resolve("runs/context-ablation/contextclean-seed0");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.yaml"), "train:\n  steps: 600\n");
        Files.writeString(folder.resolve("run.json"), "{\"experiment\":\"context-ablation\",\"run\":"
                + "\"contextclean-seed0\",\"index\":0,\"seed\":0,\"status\":\"FINISHED\"}");

        InProcessCli.Result result = acdit("run", "context-ablation", "--preset", "smoke", "--runs-dir",
                work.resolve("runs").toString(), "--results-dir", work.resolve("results").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("acdit: " + folder + " holds a run of another configuration "
                + "(train.steps: '600' in the run folder, '4' now); pass --runs-dir DIR (and --results-dir) for a separate "
                + "set of runs, or delete the folder");
    }

    @Test
    void anUnknownEvaluatorStopsTheSweepBeforeAnyRunTrains(@TempDir Path work) {
        InProcessCli.Result result = acdit("run", "context-ablation", "--preset", "smoke", "evaluate.evaluators=sampling-speed,fvd",
                "--runs-dir", work.resolve("runs").toString(), "--results-dir", work.resolve("results").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("acdit: preflight of context-ablation (nothing was started): "
                + "[all plans] evaluate.evaluators: unknown evaluator 'fvd'; known: ")
                .contains("clip-fd, fid, fine-tune, frame-fid");
        assertThat(work.resolve("runs")).doesNotExist();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        InProcessCli.Result result = acdit("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void listShowsTheExperimentsIncludingOnesFromPluginModules() {
        InProcessCli.Result result = acdit("list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("block-size-tradeoff\\s+presets: quick, standard, paper, smoke")
                .containsPattern("inference-scaling\\s+presets: quick, standard, smoke")
                .contains("context-ablation").contains("rope-ablation").contains("understanding").contains("video-tradeoff").contains("long-horizon")
                .contains("plugin-example").contains("added by a plugin module");
    }

    @Test
    void anUnknownExperimentIsAUsageError() {
        InProcessCli.Result result = acdit("run", "no-such-experiment");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("acdit: unknown experiment 'no-such-experiment'; known: block-size-tradeoff");
    }

    @Test
    void anUnknownBenchmarkOptionIsAUsageError() {
        InProcessCli.Result result = acdit("bench", "--speed=fast");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("acdit: Unknown option: '--speed=fast'");
    }

    @Test
    void anImpossibleBenchmarkSettingIsAUsageError() {
        InProcessCli.Result result = acdit("bench", "--steps=0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("acdit: --steps must be at least 1, got 0" + System.lineSeparator());
    }

    @Test
    void helpListsTheCommands() {
        InProcessCli.Result result = acdit("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("doctor").contains("data").containsPattern("2\\s+usage or configuration error");
    }
}
