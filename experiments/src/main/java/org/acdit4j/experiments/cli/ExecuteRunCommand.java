package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.acdit4j.framework.run.FrozenRun;
import org.acdit4j.framework.run.Provenance;
import org.acdit4j.framework.run.RunEvaluation;
import org.acdit4j.framework.run.RunBusyException;
import org.acdit4j.framework.run.RunExecutor;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunLauncher;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.Tracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code acdit execute-run --run-folder DIR}: trains and evaluates the run frozen in a run folder
 * ({@code run-spec.json}) in this process, reading nothing but the folder: no definition is planned again. Started by
 * {@code acdit run} and {@code acdit resume} in a child JVM per run; exit code 0 when the run finished,
 * {@link RunLauncher#EXIT_BUSY} when another process trains it.
 */
@Command(name = "execute-run", hidden = true, description = "Run the plan frozen in a run folder in this process (used by acdit run).")
public final class ExecuteRunCommand implements Callable<Integer> {

    private final CommandContext context;
    private final Provider<RunEvaluation> evaluation;

    @Option(names = "--run-folder", required = true, paramLabel = "DIR")
    Path runFolder;

    @Option(names = "--parent-run-id")
    String parentRunId;

    @Inject
    ExecuteRunCommand(CommandContext context, Provider<RunEvaluation> evaluation) {
        this.context = context;
        this.evaluation = evaluation;
    }

    @Override
    public Integer call() {
        RunFolder folder = new RunFolder(runFolder.toAbsolutePath());
        RunPlan plan = frozenPlan(folder);
        Path sourceRoot = Path.of(System.getProperty("acdit.home", ""));
        Plugins plugins = context.plugins();
        try (Tracker tracker = context.trackers().open(context.options().trackingUri())) {
            RunExecutor executor = new RunExecutor(plugins.datasets(), plugins.models(), evaluation.get(), tracker,
                    Provenance.collect(sourceRoot.toAbsolutePath(), BackendInfo.describe()), Clock.systemUTC());
            RunStatus status = executor.execute(plan, folder, plan.values(), parentRunId);
            return status == RunStatus.FINISHED ? 0 : AcditMain.EXIT_FAILURE;
        } catch (RunBusyException e) {
            System.out.println("acdit: " + e.getMessage());
            return RunLauncher.EXIT_BUSY;
        }
    }

    /** The plan frozen in {@code folder}, its spec on the model plugin it names. */
    private RunPlan frozenPlan(RunFolder folder) {
        FrozenRun frozen;
        try {
            frozen = folder.frozenRun().orElseThrow(() -> new UsageException("--run-folder " + folder.root()
                    + " holds no " + folder.frozenRunFile().getFileName() + "; allowed: a run folder planned by acdit "
                    + "run or acdit resume"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--run-folder " + e.getMessage());
        }
        return RunFolderPlan.frozenPlan(folder, frozen, context.plugins());
    }
}
