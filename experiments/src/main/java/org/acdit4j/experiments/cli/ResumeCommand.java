package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.acdit4j.framework.run.AbandonedRun;
import org.acdit4j.framework.run.ChildJvmLauncher;
import org.acdit4j.framework.run.ResumePoint;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunLauncher;
import org.acdit4j.framework.run.RunLock;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.TrackerSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code acdit resume <run-dir>}: continues the run frozen in a run folder ({@link RunFolderPlan}; one older than
 * frozen plans is planned from today's definition and frozen) from its newest usable checkpoint (the previous one when the latest
 * is damaged, said in one line), into the same tracker run; a folder whose checkpoints are all unusable is refused with
 * one line naming each file and its fault. The tracking store is checked first (it must be usable and hold the run's
 * tracker run and parent); a run the resumed process left RUNNING (it died before it could record an end) is marked
 * FAILED with the reason, so no resume leaves a run RUNNING.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume one run folder from its last usable checkpoint (into the same tracker run).")
public final class ResumeCommand implements Callable<Integer> {

    private final CommandContext context;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, e.g. runs/block-size-tradeoff/blockSize16-seed0.")
    Path runDir;

    @Inject
    ResumeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        GlobalOptions options = context.options();
        RunFolderPlan found = RunFolderPlan.of(runDir, context.catalog(), context.plugins());
        if (found.record().status() == RunStatus.FINISHED) {
            System.out.println(found.record().run() + " already finished; nothing to resume");
            return 0;
        }
        TrackerSelection store = context.trackers();
        store.requireUsable(options.trackingUri());
        StoreSwitch.requireHeld(store, options, runDir, found.record());
        List<String> changed = found.changed();
        if (!changed.isEmpty()) {
            throw new UsageException("the definition of " + found.record().experiment() + " now resolves "
                    + found.record().run() + " differently from the configuration it started with, so resuming would "
                    + "train something else (" + String.join("; ", changed) + "); restore the definition, or run the "
                    + "new configuration as new runs with --runs-dir DIR");
        }
        List<String> shared = new ArrayList<>(options.asArguments());
        shared.removeAll(List.of("--runs-dir", options.runsDir().toString()));
        shared.addAll(List.of("--runs-dir", runDir.toAbsolutePath().getParent().getParent().toString()));
        RunFolder folder = new RunFolder(runDir.toAbsolutePath());
        Optional<ResumePoint> resumePoint = ResumePoint.of(folder);
        resumePoint.flatMap(ResumePoint::fallback).ifPresent(System.out::println);
        String from = resumePoint.map(point -> "step " + point.step() + " (" + folder.root().relativize(point.checkpoint())
                + ")").orElse("step 0 (no checkpoint yet)");
        System.out.println("resuming " + found.plan().name() + " from " + from + "; log: " + folder.log());
        int exit = new ChildJvmLauncher(AcditMain.class.getName(), List.of("execute-run"), shared, 1)
                .launch(found.plan(), folder, found.record().parentRunId());
        if (exit == RunLauncher.EXIT_BUSY) {
            System.out.println(found.plan().name() + ": being trained by " + RunLock.holder(folder).orElse("another process")
                    + "; not resumed");
            return AcditMain.EXIT_FAILURE;
        }
        if (exit != 0) {
            try (Tracker tracker = context.trackers().open(options.trackingUri())) {
                AbandonedRun.recordFailure(found.plan(), folder, exit, tracker, Instant.now().toString());
            }
        }
        RunStatus status = folder.record().map(record -> record.status()).orElse(RunStatus.FAILED);
        System.out.println(found.plan().name() + ": " + status);
        return exit == 0 && status == RunStatus.FINISHED ? 0 : AcditMain.EXIT_FAILURE;
    }
}
