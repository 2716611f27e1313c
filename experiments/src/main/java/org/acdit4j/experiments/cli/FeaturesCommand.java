package org.acdit4j.experiments.cli;

import picocli.CommandLine.Command;

/** {@code acdit features}: the feature networks behind the sample-quality evaluators. */
@Command(name = "features", mixinStandardHelpOptions = true, subcommands = TrainFeaturesCommand.class,
        description = "Feature networks of the sample-quality evaluators: 'acdit features train' trains one for a dataset.")
public final class FeaturesCommand {
}
