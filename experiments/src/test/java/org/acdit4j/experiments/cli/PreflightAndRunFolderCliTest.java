package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** Bad model, data and tracking settings stop a sweep before anything exists; a changed definition cannot resume. */
class PreflightAndRunFolderCliTest {

    private static final String TRADEOFF = BlockSizeTradeoff.DEFINITION.name();

    private static final String DATA_DIR = System.getProperty("acdit.test.dataDir");

    @TempDir
    Path work;

    /** {@code acdit [global…] run block-size-tradeoff --preset smoke [overrides…]} with folders under the test's. */
    private InProcessCli.Result smokeRun(List<String> global, String... overrides) {
        List<String> args = new ArrayList<>(global);
        args.addAll(List.of("--runs-dir", work.resolve("runs").toString(), "--results-dir",
                work.resolve("results").toString(), "--tracking-uri", work.resolve("mlruns").toString()));
        args.addAll(List.of("run", TRADEOFF, "--preset", "smoke"));
        args.addAll(List.of(overrides));
        return acdit(args.toArray(String[]::new));
    }

    private void assertNothingWasCreated() {
        assertThat(work.resolve("runs")).doesNotExist();
        assertThat(work.resolve("results")).doesNotExist();
        assertThat(work.resolve("mlruns")).doesNotExist();
    }

    /** The problems of the preflight that stopped {@code result}'s sweep with exit 2 before it created anything. */
    private String preflightProblems(InProcessCli.Result result) {
        String stopped = "acdit: preflight of block-size-tradeoff (nothing was started): ";
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith(stopped);
        assertNothingWasCreated();
        return result.err().strip().substring(stopped.length());
    }

    @Test
    void aBlockSizeThatDoesNotTileTheTokensStopsTheSweepNamingThePlan() {
        InProcessCli.Result result = smokeRun(List.of("--data-dir", DATA_DIR), "sweep.cases=model.patch=2 model.blockSize=3");

        assertThat(preflightProblems(result)).isEqualTo("[0 blockSize3-seed0] model.blockSize: model.blockSize=3 does "
                + "not tile the 1x4x4 token grid with square blocks; allowed: [1, 4, 16]");
    }

    @Test
    void aMissingSourceFolderStopsTheSweepOnceForAllPlans() {
        InProcessCli.Result result = smokeRun(List.of("--data-dir", DATA_DIR), "data.name=mnist", "data.source=/nonexistent/dir");

        assertThat(preflightProblems(result)).isEqualTo("[all plans] data.source: /nonexistent/dir is not a folder "
                + "(expected the IDX files "
                + "[train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte])");
    }

    @Test
    void anUnwritableDataDirectoryStopsTheSweep() {
        InProcessCli.Result result = smokeRun(List.of("--data-dir", "/proc/x"), "data.name=mnist");

        assertThat(preflightProblems(result))
                .startsWith("[all plans] --data-dir: the data directory /proc/x cannot be written");
    }

    @Test
    void anUnsupportedTrackingUriIsAConfigurationError() {
        List<String> args = new ArrayList<>(List.of("--runs-dir", work.resolve("runs").toString(), "--results-dir",
                work.resolve("results").toString(), "--tracking-uri", "ftp://x", "--data-dir", DATA_DIR, "run",
                TRADEOFF, "--preset", "smoke"));
        InProcessCli.Result result = acdit(args.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("acdit: tracking URI 'ftp://x' (from --tracking-uri) cannot be used: "
                + "scheme 'ftp:' is not supported");
        assertNothingWasCreated();
    }

    @Test
    void planShowsThePlansAndTheVerdictAndCreatesNothing() {
        InProcessCli.Result ok = acdit("--data-dir", DATA_DIR, "--runs-dir", work.resolve("runs").toString(), "plan",
                TRADEOFF, "--preset", "smoke");
        InProcessCli.Result bad = acdit("--data-dir", DATA_DIR, "--runs-dir", work.resolve("runs").toString(), "plan",
                TRADEOFF, "--preset", "smoke", "evaluate.evaluators=rollout");

        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("[0] blockSize16-seed0", "model.blockSize=16 seed=0", "[1] blockSize4-seed0",
                "model.width              16", "[2] token-ar-seed0", "preflight: ok (3 plans)");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.out()).contains("preflight: 3 problem(s); acdit run would start nothing:",
                "[0 blockSize16-seed0, 1 blockSize4-seed0] evaluate.evaluators: rollout needs [FRAME_ROLLOUT], which this "
                        + "acdit configuration does not offer (it offers [SAMPLING, FEATURES, FINE_TUNING])",
                "[2 token-ar-seed0] evaluate.evaluators: rollout needs [FRAME_ROLLOUT], which this token-ar configuration "
                        + "does not offer (it offers [SAMPLING, FEATURES])",
                "[all plans] evaluate.evaluators: rollout cannot measure this dataset: no feature network for"
                        + " synthetic-shapes at 1x8x8, 10 classes; train one with: acdit features train --dataset"
                        + " synthetic-shapes --size 8");
        assertThat(work.resolve("runs")).doesNotExist();
    }

    @Test
    void aRunWhoseDefinitionNowResolvesDifferentlyIsNotResumed() {
        RunPlan plan = SweepPlanner.plan(BlockSizeTradeoff.DEFINITION, "smoke", List.of()).get(1);
        RunFolder folder = RunFolder.of(work.resolve("runs"), TRADEOFF, plan.name());
        folder.createDirectories();
        Map<String, String> startedWith = new TreeMap<>(BlockSizeTradeoff.DEFINITION
                .resolvedValues("smoke", plan.overrides(), plan.assignments()));
        startedWith.put("model.width", "24");
        startedWith.put("train.lr", "0.005");
        folder.writeConfigOnce(startedWith, List.of());
        folder.write(killedAtStep3(plan));

        assertResumeIsRefusedNaming(folder,
                "model.width: '24' in the run folder, '16' now; train.lr: '0.005' in the run folder, '0.008' now");
        assertThat(folder.storedConfiguration()).contains(startedWith);
    }

    @Test
    void aFrozenRunWhoseDefinitionNowResolvesDifferentlyIsNotResumed() throws Exception {
        RunPlan today = SweepPlanner.plan(BlockSizeTradeoff.DEFINITION, "smoke", List.of()).get(1);
        Map<String, String> frozenValues = new TreeMap<>(today.values());
        frozenValues.put("model.width", "24");
        RunPlan frozen = new RunPlan(today.index(), today.name(), "renamed since", today.assignments(), today.seed(),
                today.spec(), frozenValues, today.preset(), today.overrides());
        RunFolder folder = RunFolder.of(work.resolve("runs"), TRADEOFF, frozen.name());
        folder.createDirectories();
        folder.freeze(frozen);
        String written = Files.readString(folder.frozenRunFile());
        folder.write(killedAtStep3(frozen));

        assertResumeIsRefusedNaming(folder, "model.width: '24' in the run folder, '16' now");
        assertThat(folder.frozenRunFile()).content().isEqualTo(written);
    }

    /** Resuming {@code folder}'s blockSize4-seed0 stops with exit 2 and one line naming today's {@code changes}. */
    private void assertResumeIsRefusedNaming(RunFolder folder, String changes) {
        InProcessCli.Result result = acdit("resume", folder.root().toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("acdit: the definition of block-size-tradeoff now resolves "
                + "blockSize4-seed0 differently from the configuration it started with, so resuming would train something "
                + "else (" + changes + "); restore the definition, or run the new configuration as new runs with "
                + "--runs-dir DIR");
    }

    @Test
    void aRunWhoseOnlyCheckpointIsTruncatedIsNotResumedAndTheFileIsNamed() throws Exception {
        RunPlan plan = SweepPlanner.plan(BlockSizeTradeoff.DEFINITION, "smoke", List.of()).get(1);
        RunFolder folder = RunFolder.of(work.resolve("runs"), TRADEOFF, plan.name());
        folder.createDirectories();
        folder.writeConfigOnce(BlockSizeTradeoff.DEFINITION.resolvedValues("smoke", plan.overrides(),
                plan.assignments()), List.of());
        folder.write(RunRecord.builder().experiment(TRADEOFF).run(plan.name()).index(plan.index())
                .seed(plan.seed()).preset("smoke").assignments(plan.assignments()).status(RunStatus.RUNNING)
                .started("t0").heartbeat("t1").ended("t1").step(3).steps(6).lastLoss(0.5).build());
        byte[] cutShort = "PK\u0003\u0004 the first bytes of a checkpoint".getBytes(StandardCharsets.US_ASCII);
        Files.write(folder.latestCheckpoint(), cutShort);

        InProcessCli.Result result = acdit("resume", folder.root().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("acdit: " + folder.latestCheckpoint() + " is truncated ("
                + cutShort.length + " bytes, the zip directory at its end is missing); no usable checkpoint to resume "
                + "from (delete it to train the run again from step 0)");
        assertThat(folder.log()).doesNotExist();
        assertThat(folder.latestCheckpoint()).hasBinaryContent(cutShort);
    }

    @Test
    void samplingFromATruncatedCheckpointNamesTheFileAndTheFault() throws Exception {
        Path checkpoint = Files.createDirectories(work.resolve("copied")).resolve("run.ckpt");
        Files.write(checkpoint, "PK\u0003\u0004 cut".getBytes(StandardCharsets.US_ASCII));

        InProcessCli.Result result = acdit("sample", "--checkpoint", checkpoint.toString(), "--out",
                work.resolve("grid.png").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("acdit: --checkpoint " + checkpoint
                + " is truncated (8 bytes, the zip directory at its end is missing)");
        assertThat(work.resolve("grid.png")).doesNotExist();
    }

    /** The record of {@code plan}'s run stopped by a signal at step 3 of 6. */
    private static RunRecord killedAtStep3(RunPlan plan) {
        return RunRecord.builder().experiment(TRADEOFF).run(plan.name()).index(plan.index())
                .seed(plan.seed()).preset("smoke").assignments(plan.assignments()).status(RunStatus.KILLED)
                .started("t0").heartbeat("t1").ended("t1").step(3).steps(6).lastLoss(0.5)
                .failure("stopped by a signal at step 3; rerun to resume").build();
    }
}
