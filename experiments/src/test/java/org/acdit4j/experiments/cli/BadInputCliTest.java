package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acdit4j.experiments.definitions.BlockSizeTradeoff;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.framework.testing.ImageFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that used to be accepted silently stops the command with exit 2 and one line, before anything is created. */
class BadInputCliTest {

    private static final String DATA_DIR = System.getProperty("acdit.test.dataDir");

    @TempDir
    Path work;

    private InProcessCli.Result smokeRun(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--data-dir", DATA_DIR, "--runs-dir", work.resolve("runs").toString(),
                "--results-dir", work.resolve("results").toString(), "--tracking-uri", work.resolve("mlruns").toString(),
                "run", BlockSizeTradeoff.DEFINITION.name(), "--preset", "smoke"));
        args.addAll(List.of(arguments));
        return acdit(args.toArray(String[]::new));
    }

    private void assertRefusedInOneLineWithNothingCreated(InProcessCli.Result result, String line) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err().lines()).as(result.err()).containsExactly(line);
        assertThat(work.resolve("runs")).doesNotExist();
        assertThat(work.resolve("results")).doesNotExist();
        assertThat(work.resolve("mlruns")).doesNotExist();
    }

    @Test
    void moreWorkersThanCoresAreRefused() {
        int cores = Runtime.getRuntime().availableProcessors();

        assertRefusedInOneLineWithNothingCreated(smokeRun("--workers", "1000"), "acdit: --workers 1000: allowed: 1 to "
                + cores + " (the cores of this machine; each run gets at least one)");
    }

    @Test
    void aBadThreadCountIsRefusedBeforeAnyRun() {
        System.setProperty(RunThreads.PROPERTY, "0");
        try {
            assertRefusedInOneLineWithNothingCreated(smokeRun(),
                    "acdit: -Dacdit.threads must be a whole number of threads, at least 1, got '0'");
        } finally {
            System.clearProperty(RunThreads.PROPERTY);
        }
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingBothValues() {
        InProcessCli.Result result = smokeRun("model.width=16", "model.width=32");

        assertThat(result.err()).contains("model.width: given twice ('16' and '32'); allowed: each key once");
        assertRefusedInOneLineWithNothingCreated(result, result.err().strip());
    }

    @Test
    void anImageFolderWithOneClassIsRefused() {
        Path folder = ImageFolders.write(work.resolve("photos"), List.of("cats"), 4, true, 8, 8);

        InProcessCli.Result result = smokeRun("data.name=image-folder", "data.source=" + folder);

        assertThat(result.err()).contains("data.source: " + folder + " has one class subfolder (cats); allowed: 2 to 256");
        assertRefusedInOneLineWithNothingCreated(result, result.err().strip());
    }

    @Test
    void samplesAreNotWrittenOverExistingFilesWithoutForce() throws Exception {
        Path checkpoint = Files.writeString(work.resolve("run.ckpt"), "a checkpoint");
        Path grid = Files.writeString(work.resolve("grid.png"), "earlier samples");
        Path folder = Files.createDirectories(work.resolve("pngs"));
        Files.writeString(folder.resolve("000000.png"), "an earlier sample");

        InProcessCli.Result onFile = acdit("sample", "--checkpoint", checkpoint.toString(), "--out", grid.toString());
        InProcessCli.Result onFolder = acdit("sample", "--checkpoint", checkpoint.toString(), "--out", folder + "/");

        assertThat(onFile.exitCode()).isEqualTo(2);
        assertThat(onFile.err().lines()).containsExactly("acdit: --out " + grid + " holds samples already; allowed: a new "
                + "path, or --force to replace them");
        assertThat(grid).hasContent("earlier samples");
        assertThat(onFolder.exitCode()).isEqualTo(2);
        assertThat(onFolder.err()).contains("--out " + folder + "/ holds samples already");
        assertThat(folder.resolve("000000.png")).hasContent("an earlier sample");
    }
}
