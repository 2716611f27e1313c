package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.acdit4j.experiments.definitions.BlockSizeTradeoff;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration labels outside the report's tables: {@code acdit plan} lists them, a run's MLflow description (the
 * {@code mlflow.note.content} tag {@code mlflow ui} shows) starts with the label frozen in its run folder in a real
 * mlruns store, and the
 * report rebuilt from the run folder uses them (the one frozen there, not today's), keeping the keys in summary.csv.
 */
class LabelsCliTest {

    private static final String TRADEOFF = BlockSizeTradeoff.DEFINITION.name();

    private static final String DATA_DIR = System.getProperty("acdit.test.dataDir");

    @TempDir
    Path work;

    private InProcessCli.Result cli(String... command) {
        List<String> args = new java.util.ArrayList<>(List.of("--data-dir", DATA_DIR, "--runs-dir",
                work.resolve("runs").toString(), "--results-dir", work.resolve("results").toString(), "--tracking-uri",
                work.resolve("mlruns").toString()));
        args.addAll(List.of(command));
        return acdit(args.toArray(String[]::new));
    }

    @Test
    void planListsTheLabelOfEveryPlan() {
        InProcessCli.Result plan = cli("plan", TRADEOFF, "--preset", "smoke",
                "sweep.cases=model.blockSize=16; model.blockSize=1");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).containsPattern("\\[0] blockSize16-seed0 +model.blockSize=16 seed=0 +DiT \\(AR length 1\\)\\n")
                .containsPattern("\\[1] blockSize1-seed0 +model.blockSize=1 seed=0 +AR length 16 \\(block 1\\)\\n");
    }

    @Test
    void aRunsMlflowDescriptionStartsWithItsLabelAndTheReportUsesIt() throws IOException {
        RunPlan plan = SweepPlanner.plan(BlockSizeTradeoff.DEFINITION, "smoke",
                List.of("train.steps=2", "evaluate.evaluators=")).get(1);
        RunFolder folder = RunFolder.of(work.resolve("runs"), TRADEOFF, plan.name());
        folder.freeze(plan);
        InProcessCli.Result run = cli("execute-run", "--run-folder", folder.root().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path tags = singleRunTags(work.resolve("mlruns"));
        assertThat(tags.resolve("mlflow.note.content")).content().startsWith("AR length 4 (block 4), seed 0\n\nAR vs diffusion");
        assertThat(tags.resolve("acdit.label")).hasContent("AR length 4 (block 4)");
        assertThat(tags.resolve("mlflow.runName")).hasContent("blockSize4-seed0");

        InProcessCli.Result report = cli("report", TRADEOFF, "--preset", "smoke", "train.steps=2",
                "evaluate.evaluators=");
        assertThat(report.exitCode()).as(report.err()).isZero();
        Path results = work.resolve("results").resolve(TRADEOFF).resolve("custom");
        assertThat(results.resolve("REPORT.md")).content()
                .contains("| AR length 4 (block 4) | `model.blockSize=4` |");
        List<String> summary = Files.readAllLines(results.resolve("summary.csv"));
        assertThat(summary.get(0)).startsWith("run,index,seed,status,label,model.blockSize,");
        assertThat(summary).anyMatch(line -> line.startsWith("blockSize4-seed0,1,0,FINISHED,AR length 4 (block 4),4"));
    }

    @Test
    void theReportLabelsARunAsItsFolderFrozeItAndNamesWhatTodaysDefinitionWouldChange() throws IOException {
        RunPlan plan = SweepPlanner.plan(BlockSizeTradeoff.DEFINITION, "smoke", List.of()).get(1);
        RunPlan planned = new RunPlan(plan.index(), plan.name(), "block of four", plan.assignments(), plan.seed(),
                plan.spec(), plan.values(), plan.preset(), plan.overrides());
        RunFolder folder = RunFolder.of(work.resolve("runs"), TRADEOFF, plan.name());
        folder.freeze(planned);
        folder.write(RunRecord.builder().experiment(TRADEOFF).run(plan.name()).index(plan.index())
                .seed(plan.seed()).preset(plan.preset()).assignments(plan.assignments()).status(RunStatus.FINISHED)
                .step(plan.spec().train().steps()).steps(plan.spec().train().steps())
                .metrics(Map.of("fid/cfg1.5", 42.0)).build());
        Files.createDirectories(work.resolve("mlruns"));

        InProcessCli.Result report = cli("report", TRADEOFF, "--preset", "smoke");

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("report: blockSize4-seed0 is reported as its run folder holds it; today's "
                + "definition changes label: 'block of four' in the run folder, 'AR length 4 (block 4)' now");
        List<String> summary = Files.readAllLines(work.resolve("results").resolve(TRADEOFF)
                .resolve("smoke").resolve("summary.csv"));
        assertThat(summary).anyMatch(line -> line.startsWith("blockSize4-seed0,1,0,FINISHED,block of four,4"));
    }

    /** The tags folder of the one run in an mlruns store. */
    private static Path singleRunTags(Path store) throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            List<Path> tagFolders = files.filter(path -> path.getFileName().toString().equals("tags")
                    && Files.isDirectory(path)).toList();
            assertThat(tagFolders).hasSize(1);
            return tagFolders.get(0);
        }
    }
}
