package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.experiments.definitions.BlockSizeTradeoff;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acdit archive} reads the run folders: their frozen plans say which belong to the selection, and today's
 * definition only names what it would change (such a run stays out of the archive, which a restore would refuse).
 */
class ArchiveCommandTest {

    private static final String TRADEOFF = BlockSizeTradeoff.DEFINITION.name();

    @TempDir
    Path work;

    @Test
    void archivesTheSelectionsFinishedRunsAndNamesWhatTodaysDefinitionChanges() {
        List<RunPlan> smoke = SweepPlanner.plan(BlockSizeTradeoff.DEFINITION, "smoke", List.of());
        finished(smoke.get(0));
        Map<String, String> olderValues = new TreeMap<>(smoke.get(1).values());
        olderValues.put("train.lr", "0.5");
        RunPlan older = smoke.get(1);
        finished(new RunPlan(older.index(), older.name(), older.label(), older.assignments(), older.seed(), older.spec(),
                olderValues, older.preset(), older.overrides()));
        finished(SweepPlanner.plan(BlockSizeTradeoff.DEFINITION, "smoke", List.of("train.steps=3")).get(2));

        InProcessCli.Result archive = acdit("--runs-dir", work.resolve("runs").toString(), "--results-dir",
                work.resolve("results").toString(), "archive", TRADEOFF, "--preset", "smoke");

        assertThat(archive.exitCode()).as(archive.err()).isZero();
        Path archived = work.resolve("results").resolve(TRADEOFF).resolve("smoke").resolve("runs");
        assertThat(archive.out()).contains("1 run(s) archived in " + archived)
                .contains("not archived: blockSize4-seed0 (today's definition changes train.lr: '0.5' in the run "
                        + "folder, '" + older.values().get("train.lr") + "' now), " + smoke.get(2).name() + " (not finished here)");
        assertThat(archived.resolve(smoke.get(0).name()).resolve("run-spec.json")).isRegularFile();
        assertThat(archived.resolve(older.name())).doesNotExist();
    }

    /** A run folder of {@code plan}, frozen and finished. */
    private void finished(RunPlan plan) {
        RunFolder folder = RunFolder.of(work.resolve("runs"), TRADEOFF, plan.name());
        folder.freeze(plan);
        folder.write(RunRecord.builder().experiment(TRADEOFF).run(plan.name()).index(plan.index())
                .seed(plan.seed()).preset(plan.preset()).assignments(plan.assignments()).status(RunStatus.FINISHED)
                .build());
    }
}
