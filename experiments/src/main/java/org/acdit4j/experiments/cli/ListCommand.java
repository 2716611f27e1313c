package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code acdit list}: the experiments, their presets and descriptions. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the experiments and their presets.")
public final class ListCommand implements Callable<Integer> {

    private final ExperimentCatalog catalog;

    @Spec
    CommandSpec spec;

    @Inject
    ListCommand(ExperimentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ExperimentDefinition definition : catalog.all().values()) {
            out.printf("%-22s presets: %s%n  %s%n", definition.name(),
                    definition.presets().isEmpty() ? "(none)" : String.join(", ", definition.presets()),
                    definition.description());
        }
        return 0;
    }
}
