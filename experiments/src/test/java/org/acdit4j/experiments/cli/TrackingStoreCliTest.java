package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acdit4j.experiments.definitions.BlockSizeTradeoff;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.RunSource;
import org.acdit4j.tracking.file.MlrunsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores the CLI will not use stop every command at preflight with exit 2 and one line, before anything is
 * created; a runs folder tracked in another store says what to do.
 */
class TrackingStoreCliTest {

    private static final String TRADEOFF = BlockSizeTradeoff.DEFINITION.name();

    private static final String DATA_DIR = System.getProperty("acdit.test.dataDir");

    @TempDir
    Path work;

    private InProcessCli.Result smokeRun(String trackingUri) {
        return acdit("--data-dir", DATA_DIR, "--runs-dir", work.resolve("runs").toString(), "--results-dir",
                work.resolve("results").toString(), "--tracking-uri", trackingUri, "run", TRADEOFF,
                "--preset", "smoke");
    }

    @Test
    void aFileThatIsNotSqliteStopsTheRunAtPreflightAndIsLeftByteIdentical() throws Exception {
        Path notes = Files.writeString(work.resolve("notes.db"), "my notes\n");
        byte[] before = Files.readAllBytes(notes);

        InProcessCli.Result result = smokeRun("sqlite:///" + notes);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("acdit: tracking database " + notes + " is not a SQLite database (it "
                + "does not start with SQLite's header); name another file for --tracking-uri");
        assertThat(Files.readAllBytes(notes)).isEqualTo(before);
        try (var entries = Files.list(work)) {
            assertThat(entries).containsExactly(notes);
        }
    }

    @Test
    void aFolderAsDatabaseStopsRunAndPlanWithOneLine() throws Exception {
        Path folder = Files.createDirectories(work.resolve("store.db"));

        InProcessCli.Result run = smokeRun("sqlite:///" + folder);
        InProcessCli.Result plan = acdit("--data-dir", DATA_DIR, "--tracking-uri", "sqlite:///" + folder, "plan",
                TRADEOFF, "--preset", "smoke");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("acdit: tracking database " + folder + " is a folder; name a database "
                + "file, for example " + folder.resolve("mlflow.db"));
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.out()).contains("--tracking-uri: tracking database " + folder + " is a folder");
        assertThat(work.resolve("runs")).doesNotExist();
        assertThat(work.resolve("mlartifacts")).doesNotExist();
    }

    @Test
    void runsAndReportOnAMissingStoreExitTwoAndCreateNothing() throws Exception {
        Path typo = work.resolve("mlfow.db");

        InProcessCli.Result runs = acdit("runs", "--tracking-uri", "sqlite:///" + typo);
        InProcessCli.Result report = acdit("--runs-dir", work.resolve("runs").toString(), "--results-dir",
                work.resolve("results").toString(), "--tracking-uri", "sqlite:///" + typo, "report",
                TRADEOFF, "--preset", "smoke");

        assertThat(runs.exitCode()).isEqualTo(2);
        assertThat(runs.err().strip()).isEqualTo("acdit: no MLflow database at " + typo + ": nothing was tracked there; "
                + "check --tracking-uri or MLFLOW_TRACKING_URI (the default is sqlite:///mlflow.db)");
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("no MLflow database at " + typo);
        try (var entries = Files.list(work)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void anUnfinishedRunTrackedInAnotherStoreIsRefusedSayingWhereItWasAndNothingIsCreated() throws Exception {
        Path mlruns = work.resolve("mlruns");
        String parentId;
        String childId;
        try (MlrunsStore store = new MlrunsStore(mlruns, Clock.systemUTC(), new RunSource("alice", "test", null),
                MetricBuffering.defaults())) {
            TrackedRun parent = store.startRun(RunStart.of(TRADEOFF, "block-size-tradeoff-sweep"));
            TrackedRun child = store.startRun(new RunStart(TRADEOFF, "blockSize16-seed0",
                    parent.runId(), Map.of(), null));
            child.end(RunStatus.KILLED);
            parentId = parent.runId();
            childId = child.runId();
        }
        Path experimentRuns = Files.createDirectories(work.resolve("runs").resolve(TRADEOFF));
        Files.writeString(experimentRuns.resolve("sweep.json"), "{\"parentRunId\":\"" + parentId
                + "\",\"tracking\":\"MLflow file store " + mlruns + "\"}");
        Path runFolder = Files.createDirectories(experimentRuns.resolve("blockSize16-seed0"));
        Files.writeString(runFolder.resolve("run.json"), runJson(childId, parentId));
        String recordBefore = Files.readString(runFolder.resolve("run.json"));
        Path database = work.resolve("mlflow.db");

        InProcessCli.Result run = smokeRun("sqlite:///" + database);
        InProcessCli.Result resume = acdit("--data-dir", DATA_DIR, "--tracking-uri", "sqlite:///" + database,
                "resume", runFolder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("acdit: " + runFolder.resolve("run.json") + " names tracker run "
                + childId + ", which sqlite:///" + database + " does not hold (these runs were tracked in MLflow "
                + "file store " + mlruns + "): continue them there with --tracking-uri naming that store, or run them "
                + "afresh in this store with --runs-dir DIR (and --results-dir DIR)");
        assertThat(resume.exitCode()).isEqualTo(2);
        assertThat(resume.err()).contains("names tracker run(s) " + childId + ", " + parentId + ", which sqlite:///"
                + database + " does not hold (the sweep was tracked in MLflow file store " + mlruns
                + "): resume it with --tracking-uri naming that store; nothing was started");
        assertThat(database).doesNotExist();
        assertThat(work.resolve("mlartifacts")).doesNotExist();
        assertThat(Files.readString(runFolder.resolve("run.json"))).isEqualTo(recordBefore);
    }

    @Test
    void aSweepsParentRunFromAnotherStoreIsReHomedWhenNoUnfinishedRunNeedsIt() throws Exception {
        Path experimentRuns = Files.createDirectories(work.resolve("runs").resolve(TRADEOFF));
        Files.writeString(experimentRuns.resolve("sweep.json"),
                "{\"parentRunId\":\"0123456789abcdef0123456789abcdef\",\"tracking\":\"MLflow file store /old/mlruns\"}");
        GlobalOptions options = new GlobalOptions();
        options.runsDir = work.resolve("runs").toString();
        options.trackingUri = "sqlite:///" + work.resolve("mlflow.db");
        var selection = new org.acdit4j.tracking.TrackerSelection(Map.of(), work, Clock.systemUTC(),
                MetricBuffering.defaults(), org.acdit4j.tracking.server.ServerSettings.defaults());
        var plans = org.acdit4j.framework.run.SweepPlanner.plan(BlockSizeTradeoff.DEFINITION, "smoke", List.of());
        StoreSwitch storeSwitch = StoreSwitch.check(selection, options, TRADEOFF, plans,
                java.util.Set.of());
        var printed = new java.io.ByteArrayOutputStream();

        storeSwitch.rehomeParent(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(experimentRuns.resolve("sweep.json")).doesNotExist();
        assertThat(experimentRuns.resolve(StoreSwitch.PREVIOUS_SWEEP_FILE)).content()
                .contains("0123456789abcdef0123456789abcdef");
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(experimentRuns.resolve(
                "sweep.json") + ": its parent run 0123456789abcdef0123456789abcdef was tracked in MLflow file store "
                + "/old/mlruns, not in sqlite:///" + work.resolve("mlflow.db") + "; the sweep starts a new parent "
                + "run there (the old file is kept as sweep.json.previous-store)\n");
        assertThat(work.resolve("mlflow.db")).doesNotExist();
    }

    private static String runJson(String trackerRunId, String parentRunId) {
        List<String> fields = new ArrayList<>(List.of("\"experiment\":\"block-size-tradeoff\"",
                "\"run\":\"blockSize16-seed0\"", "\"index\":0", "\"seed\":0", "\"preset\":\"smoke\"",
                "\"status\":\"KILLED\"", "\"step\":4", "\"steps\":12", "\"trackerRunId\":\"" + trackerRunId + "\"",
                "\"parentRunId\":\"" + parentRunId + "\""));
        return "{" + String.join(",", fields) + "}";
    }
}
