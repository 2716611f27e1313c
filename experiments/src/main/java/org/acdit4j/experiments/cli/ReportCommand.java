package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.SweepPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code acdit report <experiment>}: rebuilds {@code results/<experiment>/} from the run folders (and, with
 * {@code --from-archive}, the runs archived beside the report).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild an experiment's report (summary.csv, REPORT.md, plots) from its run folders.")
public final class ReportCommand implements Callable<Integer> {

    private final ExperimentCatalog catalog;
    private final GlobalOptions options;
    private final ReportWriter reports;

    @Mixin
    ExperimentSelection selection = new ExperimentSelection();

    @Option(names = "--from-archive", description = "First restore the finished runs archived beside the report "
            + "(acdit archive) that have no run folder here.")
    boolean fromArchive;

    @Inject
    ReportCommand(ExperimentCatalog catalog, GlobalOptions options, ReportWriter reports) {
        this.catalog = catalog;
        this.options = options;
        this.reports = reports;
    }

    @Override
    public Integer call() {
        ExperimentDefinition definition = catalog.get(selection.experiment);
        if (fromArchive) {
            ArchivedRuns.restore(options, definition, selection,
                    SweepPlanner.plan(definition, selection.preset, selection.overrides), System.out);
        }
        reports.write(definition, selection.preset, selection.overrides, selection.commandLine("report"), 0, null);
        return 0;
    }
}
