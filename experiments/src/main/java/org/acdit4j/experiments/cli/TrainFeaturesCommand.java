package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.acdit4j.evaluators.features.FeatureNetworkTrainer;
import org.acdit4j.evaluators.features.TrainFeatureNetwork;
import org.acdit4j.evaluators.features.TrainedFeatureNetworks;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code acdit features train}: trains the feature network of a dataset (the classifier behind the FID,
 * precision/recall, Inception-Score and class-agreement evaluators). By default it installs the network in the data
 * directory, where those evaluators find it for runs on the same data; {@code --out} writes the weights to a file
 * instead, to ship them (docs/EVALUATORS.md, "Retraining"; docs/DATA.md for image folders).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a dataset's feature network (for fid, precision-recall, inception-score, class-agreement"
                + " and the clip metrics) and install it in the data directory, or write it to --out; prints the test"
                + " accuracy, the training time and the fingerprint.")
public class TrainFeaturesCommand implements Callable<Integer> {

    private final Plugins plugins;
    private final Provider<DataDirectory> directory;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "Dataset to learn, e.g. image-folder, fashion-mnist, mnist or moving-mnist (its frames).")
    String dataset;

    @Option(names = "--source", defaultValue = "", paramLabel = "DIR",
            description = "The dataset's data.source: for image-folder the folder with one subfolder per class.")
    String source;

    @Option(names = "--channels", defaultValue = "0",
            description = "image-folder only: data.channels, 1 (grey) or 3 (RGB); 0 = as the files (default: ${DEFAULT-VALUE}).")
    int channels;

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

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the weights to FILE instead of installing them in the data directory.")
    Path out;

    @Inject
    TrainFeaturesCommand(Plugins plugins, Provider<DataDirectory> directory) {
        this.plugins = plugins;
        this.directory = directory;
    }

    @Override
    public Integer call() throws IOException {
        DatasetFactory factory = plugins.dataset(dataset);
        requireAtLeast("--epochs", epochs, 1);
        requireAtLeast("--batch", batch, 1);
        requireAtLeast("--shift", shift, 0);
        if (!(learningRate > 0)) {
            throw new ParameterException(spec.commandLine(), "--lr must be > 0, got " + learningRate);
        }
        if (channels != 0 && channels != 1 && channels != 3) {
            throw new ParameterException(spec.commandLine(), "--channels must be 0, 1 or 3, got " + channels);
        }
        DataSpec data = new DataSpec(dataset, size, source, factory.producesClips() ? TrainFeatureNetwork.CLIP_FRAMES : 1,
                1, digitSize, channels);
        Problems problems = new Problems();
        factory.preflight(data, problems);
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join("; ", problems.messages()));
        }
        FeatureNetworkTrainer.Settings settings = new FeatureNetworkTrainer.Settings(epochs, batch, learningRate, seed,
                shift);
        Dataset images = TrainFeatureNetwork.images(factory, data);
        if (out != null) {
            TrainFeatureNetwork.train(images, settings, out, System.out);
        } else {
            TrainFeatureNetwork.trainInto(TrainedFeatureNetworks.in(directory.get()), images, settings, System.out);
        }
        return 0;
    }

    private void requireAtLeast(String option, int value, int least) {
        if (value < least) {
            throw new ParameterException(spec.commandLine(), option + " must be >= " + least + ", got " + value);
        }
    }
}
