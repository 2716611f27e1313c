package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acdit report <experiment>}: rebuilds {@code results/<experiment>/} from the run folders. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild an experiment's report (summary.csv, REPORT.md, plots) from its run folders.")
public final class ReportCommand implements Callable<Integer> {

    private final ExperimentCatalog catalog;
    private final ReportWriter reports;

    @Parameters(index = "0", paramLabel = "EXPERIMENT")
    String experiment;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*", description = "The overrides the sweep ran with.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "NAME", description = "The preset the sweep ran with.")
    String preset;

    @Inject
    ReportCommand(ExperimentCatalog catalog, ReportWriter reports) {
        this.catalog = catalog;
        this.reports = reports;
    }

    @Override
    public Integer call() {
        ExperimentDefinition definition = catalog.get(experiment);
        StringBuilder command = new StringBuilder("./acdit report ").append(experiment);
        if (preset != null) {
            command.append(" --preset ").append(preset);
        }
        overrides.forEach(override -> command.append(' ').append(override));
        reports.write(definition, preset, overrides, command.toString(), 0, null);
        return 0;
    }
}
