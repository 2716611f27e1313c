package org.acdit4j.experiments.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code plan}, {@code run} and {@code report} select: an experiment, a preset and dotted overrides. */
public final class ExperimentSelection {

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment name (see acdit list).")
    String experiment;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*", description = "Overrides, e.g. model.depth=6.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "NAME", description = "A named preset declared by the experiment.")
    String preset;

    /** The command that makes this selection with {@code verb}, e.g. {@code ./acdit run EXP --preset quick k=v}. */
    String commandLine(String verb) {
        StringBuilder command = new StringBuilder("./acdit ").append(verb).append(' ').append(experiment);
        if (preset != null) {
            command.append(" --preset ").append(preset);
        }
        overrides.forEach(override -> command.append(' ').append(override));
        return command.toString();
    }
}
