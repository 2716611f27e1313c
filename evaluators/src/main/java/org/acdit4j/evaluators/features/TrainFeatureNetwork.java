package org.acdit4j.evaluators.features;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.data.ImageSet;
import org.acdit4j.framework.data.InMemoryDataset;
import org.acdit4j.framework.spec.DataSpec;

/**
 * Trains a feature network on any dataset and writes its weights, reporting the test accuracy, the training time and
 * the fingerprint (to pin in {@link ShippedFeatureNetworks}, or kept beside the weights by
 * {@link TrainedFeatureNetworks}); the command line is {@code acdit features train}. Run with {@code OMP_NUM_THREADS=1}.
 */
public final class TrainFeatureNetwork {

    /** Frames per clip when training on a clip dataset's frames (every frame is an example). */
    public static final int CLIP_FRAMES = 8;

    private TrainFeatureNetwork() {
    }

    /**
     * The images a feature network learns from for the data {@code spec} selects: the dataset's images, or for a clip
     * dataset (moving-mnist) the frames of {@link #CLIP_FRAMES}-frame single-digit clips, each labelled with its digit.
     */
    public static Dataset images(DatasetFactory factory, DataSpec spec) {
        if (!factory.producesClips()) {
            return factory.open(spec);
        }
        Dataset clips = factory.open(DataSpec.clips(spec.name(), spec.size(), CLIP_FRAMES, 1, spec.digitSize()));
        ImageSet train = clips.train().asFrames();
        return new InMemoryDataset(clips.name(), clips.identity(), train.geometry(), train, clips.test().asFrames());
    }

    /** The {@code acdit features train} command line that trains a network for the data {@code spec} selects. */
    public static String command(DataSpec spec) {
        StringBuilder command = new StringBuilder("acdit features train --dataset " + spec.name());
        if (!spec.source().isBlank()) {
            command.append(" --source ").append(spec.source());
        }
        if (spec.channels() != 0) {
            command.append(" --channels ").append(spec.channels());
        }
        command.append(" --size ").append(spec.size());
        if (spec.digitSize() != 0) {
            command.append(" --digit-size ").append(spec.digitSize());
        }
        return command.toString();
    }

    /**
     * Trains a feature network on {@code dataset} and writes its weights to {@code weightsFile}, printing the
     * progress, the test accuracy, the training time and the fingerprint to {@code out}.
     */
    public static FeatureNetworkWeights train(Dataset dataset, FeatureNetworkTrainer.Settings settings,
            Path weightsFile, PrintStream out) throws IOException {
        return train(dataset, settings, weights -> {
            weights.write(weightsFile);
            return weightsFile;
        }, out);
    }

    /**
     * Trains a feature network on {@code dataset} and installs it in {@code store} under the dataset's identity, where
     * the evaluators of runs on the same data find it; prints as {@link #train(Dataset, FeatureNetworkTrainer.Settings,
     * Path, PrintStream)}.
     */
    public static FeatureNetworkWeights trainInto(TrainedFeatureNetworks store, Dataset dataset,
            FeatureNetworkTrainer.Settings settings, PrintStream out) throws IOException {
        return train(dataset, settings, weights -> store.install(weights, dataset.identity()), out);
    }

    /** Where trained weights go; returns the file written. */
    private interface WeightsDestination {
        Path write(FeatureNetworkWeights weights) throws IOException;
    }

    private static FeatureNetworkWeights train(Dataset dataset, FeatureNetworkTrainer.Settings settings,
            WeightsDestination destination, PrintStream out) throws IOException {
        out.println("training the " + dataset.identity() + " feature network on " + dataset.train().size()
                + " images of " + dataset.geometry() + " with " + settings);
        long start = System.nanoTime();
        FeatureNetworkWeights weights = new FeatureNetworkTrainer().train(dataset, settings, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path file = destination.write(weights);
        double accuracy = new FeatureNetwork(weights).accuracy(dataset.test().range(0, dataset.test().size()));
        out.printf("test accuracy %.4f on %d images; training %.0f s; wrote %s%n", accuracy, dataset.test().size(),
                seconds, file);
        out.println("fingerprint " + weights.fingerprint());
        return weights;
    }
}
