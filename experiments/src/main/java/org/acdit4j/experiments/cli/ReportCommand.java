package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.SweepPlanner;
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

    private final ExperimentCatalog catalog;
    private final GlobalOptions options;
    private final ReportWriter reports;
    private final Provider<TrackerSelection> trackers;

    @Mixin
    ExperimentSelection selection = new ExperimentSelection();

    @Option(names = "--from-archive", description = "First restore the finished runs archived beside the report "
            + "(acdit archive) that have no run folder here.")
    boolean fromArchive;

    @Inject
    ReportCommand(ExperimentCatalog catalog, GlobalOptions options, ReportWriter reports,
                  Provider<TrackerSelection> trackers) {
        this.catalog = catalog;
        this.options = options;
        this.reports = reports;
        this.trackers = trackers;
    }

    @Override
    public Integer call() {
        ExperimentDefinition definition = catalog.get(selection.experiment);
        TrackerSelection store = trackers.get();
        if (!store.resolve(options.trackingUri()).isDefault()) {
            store.requireExisting(options.trackingUri());
        }
        if (fromArchive) {
            ArchivedRuns.restore(options, definition, selection,
                    SweepPlanner.plan(definition, selection.preset, selection.overrides), System.out);
        }
        reports.write(definition, selection.preset, selection.overrides, selection.commandLine("report"), 0, null);
        return 0;
    }
}
