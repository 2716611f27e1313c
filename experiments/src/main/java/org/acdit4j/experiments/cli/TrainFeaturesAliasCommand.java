package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.acdit4j.framework.data.DataDirectory;
import picocli.CommandLine.Command;

/** {@code acdit train-features}: the former name of {@code acdit features train}, kept so existing scripts still run. */
@Command(name = "train-features", hidden = true, mixinStandardHelpOptions = true,
        description = "The former name of 'acdit features train' (same options).")
final class TrainFeaturesAliasCommand extends TrainFeaturesCommand {

    @Inject
    TrainFeaturesAliasCommand(Plugins plugins, Provider<DataDirectory> directory) {
        super(plugins, directory);
    }
}
