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
 * Retrains a feature network and writes its weights, reporting the test accuracy, the training time and
 * the fingerprint to pin in {@link ShippedFeatureNetworks}; the command line is {@code acdit train-features}.
 * Run with {@code OMP_NUM_THREADS=1}.
 */
public final class TrainFeatureNetwork {

    /** Frames per clip when training on a clip dataset's frames (every frame is an example). */
    public static final int CLIP_FRAMES = 8;

    private TrainFeatureNetwork() {
    }

    /**
     * The images a feature network of dataset {@code name} learns from, at side {@code size}: the dataset's
     * images, or for a clip dataset (moving-mnist) the frames of single-digit clips, each labelled with its
     * digit.
     *
     * @param digitSize the side of a clip dataset's digits (0 = its default); unused for image datasets
     */
    public static Dataset images(DatasetFactory factory, String name, int size, int digitSize) {
        if (!factory.producesClips()) {
            return factory.open(DataSpec.of(name, size));
        }
        Dataset clips = factory.open(DataSpec.clips(name, size, CLIP_FRAMES, 1, digitSize));
        ImageSet train = clips.train().asFrames();
        return new InMemoryDataset(clips.name(), train.geometry(), train, clips.test().asFrames());
    }

    /**
     * Trains a feature network on {@code dataset} and writes its weights to {@code weightsFile}, printing the
     * progress, the test accuracy, the training time and the fingerprint to {@code out}.
     */
    public static FeatureNetworkWeights train(Dataset dataset, FeatureNetworkTrainer.Settings settings,
            Path weightsFile, PrintStream out) throws IOException {
        out.println("training the " + dataset.name() + " feature network on " + dataset.train().size() + " images of "
                + dataset.geometry() + " with " + settings);
        long start = System.nanoTime();
        FeatureNetworkWeights weights = new FeatureNetworkTrainer().train(dataset, settings, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        weights.write(weightsFile);
        double accuracy = new FeatureNetwork(weights).accuracy(dataset.test().range(0, dataset.test().size()));
        out.printf("test accuracy %.4f on %d images; training %.0f s; wrote %s%n", accuracy, dataset.test().size(),
                seconds, weightsFile);
        out.println("fingerprint " + weights.fingerprint());
        return weights;
    }
}
