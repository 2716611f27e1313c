package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code acdit report <experiment>}: rebuilds {@code results/<experiment>/} from the run folders. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild an experiment's report (summary.csv, REPORT.md, plots) from its run folders.")
public final class ReportCommand implements Callable<Integer> {

    private final ExperimentCatalog catalog;
    private final ReportWriter reports;

    @Mixin
    ExperimentSelection selection = new ExperimentSelection();

    @Inject
    ReportCommand(ExperimentCatalog catalog, ReportWriter reports) {
        this.catalog = catalog;
        this.reports = reports;
    }

    @Override
    public Integer call() {
        ExperimentDefinition definition = catalog.get(selection.experiment);
        reports.write(definition, selection.preset, selection.overrides, selection.commandLine("report"), 0, null);
        return 0;
    }
}
