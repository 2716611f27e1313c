package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.tracking.TrackerSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code acdit report <experiment>}: rebuilds {@code results/<experiment>/} from the run folders (and, with
 * {@code --from-archive}, the runs archived beside the report). It reads no tracking store, but a store named by
 * {@code --tracking-uri} or {@code MLFLOW_TRACKING_URI} must be there: a mistyped one is a usage error, and nothing
 * is created.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild an experiment's report (summary.csv, REPORT.md, plots) from its run folders.")
public final class ReportCommand implements Callable<Integer> {

    private final CommandContext context;
    private final ReportWriter reports;

    @Mixin
    ExperimentSelection selection = new ExperimentSelection();

    @Option(names = "--from-archive", description = "First restore the finished runs archived beside the report "
            + "(acdit archive) that have no run folder here.")
    boolean fromArchive;

    @Inject
    ReportCommand(CommandContext context, ReportWriter reports) {
        this.context = context;
        this.reports = reports;
    }

    @Override
    public Integer call() {
        ExperimentDefinition definition = context.catalog().get(selection.experiment);
        TrackerSelection store = context.trackers();
        if (!store.resolve(context.options().trackingUri()).isDefault()) {
            store.requireExisting(context.options().trackingUri());
        }
        if (fromArchive) {
            ArchivedRuns.restoreAll(context.options(), definition, selection, System.out);
        }
        reports.write(definition, selection.preset, selection.overrides, selection.commandLine("report"), 0, null);
        return 0;
    }
}
