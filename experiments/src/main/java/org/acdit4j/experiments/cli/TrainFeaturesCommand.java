package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.acdit4j.evaluators.features.FeatureNetworkTrainer;
import org.acdit4j.evaluators.features.TrainFeatureNetwork;
import org.acdit4j.framework.data.DatasetFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code acdit train-features}: retrains the feature network of a dataset (the classifier behind the FID and
 * class-accuracy evaluators) and writes its weights (docs/EVALUATORS.md, "Retraining").
 */
@Command(name = "train-features", mixinStandardHelpOptions = true,
        description = "Retrain a dataset's feature network and write its weights; prints the test accuracy, the"
                + " training time and the fingerprint to pin in ShippedFeatureNetworks.")
public final class TrainFeaturesCommand implements Callable<Integer> {

    private final Provider<Map<String, DatasetFactory>> datasets;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "Dataset to learn: fashion-mnist, mnist or moving-mnist (its frames).")
    String dataset;

    @Option(names = "--size", defaultValue = "32", description = "Image side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--epochs", defaultValue = "6", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001",
            description = "Adam's initial learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the initial weights, the batches and the shifts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--shift", defaultValue = "0",
            description = "Random shift of training images, up to this many pixels (default: ${DEFAULT-VALUE}).")
    int shift;

    @Option(names = "--digit-size", defaultValue = "0",
            description = "moving-mnist only: digit side in pixels, 0 = 7/16 of --size (default: ${DEFAULT-VALUE}).")
    int digitSize;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the weights.")
    Path out;

    @Inject
    TrainFeaturesCommand(Provider<Map<String, DatasetFactory>> datasets) {
        this.datasets = datasets;
    }

    @Override
    public Integer call() throws IOException {
        Map<String, DatasetFactory> known = datasets.get();
        if (!known.containsKey(dataset)) {
            throw new ParameterException(spec.commandLine(), "unknown dataset '" + dataset + "'; known: "
                    + String.join(", ", known.keySet().stream().sorted().toList()));
        }
        requireAtLeast("--epochs", epochs, 1);
        requireAtLeast("--batch", batch, 1);
        requireAtLeast("--shift", shift, 0);
        if (!(learningRate > 0)) {
            throw new ParameterException(spec.commandLine(), "--lr must be > 0, got " + learningRate);
        }
        FeatureNetworkTrainer.Settings settings = new FeatureNetworkTrainer.Settings(epochs, batch, learningRate, seed,
                shift);
        TrainFeatureNetwork.train(TrainFeatureNetwork.images(known.get(dataset), dataset, size, digitSize), settings,
                out, System.out);
        return 0;
    }

    private void requireAtLeast(String option, int value, int least) {
        if (value < least) {
            throw new ParameterException(spec.commandLine(), option + " must be >= " + least + ", got " + value);
        }
    }
}
