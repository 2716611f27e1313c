package org.acdit4j.evaluators.features;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageSet;
import org.acdit4j.framework.data.InMemoryDataset;
import org.acdit4j.framework.data.MnistFamilyDatasetFactory;
import org.acdit4j.framework.data.MovingMnistDatasetFactory;
import org.acdit4j.framework.data.source.NpmTarballCache;
import org.acdit4j.framework.spec.DataSpec;

/**
 * Command-line entry point that retrains a feature network and writes its weights:
 * {@code --dataset fashion-mnist|mnist|moving-mnist [--size 32] [--epochs 6] [--batch 64] [--lr 0.001] [--seed 1]
 * [--shift 0] [--digit-size 0] [--data-dir DIR] --out FILE}; {@code --digit-size} is moving-mnist's
 * {@code data.digitSize}. It prints progress, the test accuracy, the training time and the
 * fingerprint to pin in {@link ShippedFeatureNetworks}. Run with {@code OMP_NUM_THREADS=1}.
 */
public final class TrainFeatureNetwork {

    /** Frames per Moving-MNIST clip when training on its frames (every frame is an example). */
    private static final int CLIP_FRAMES = 8;
    private static final List<String> KEYS = List.of("dataset", "size", "epochs", "batch", "lr", "seed", "shift",
            "digit-size", "data-dir", "out");

    private TrainFeatureNetwork() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    /** Trains as {@code args} say, reporting to {@code out}; returns the process exit code (0 = success, 2 = bad arguments). */
    public static int run(String[] args, PrintStream out) throws IOException {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        String name = options.get("dataset");
        DataDirectory directory = DataDirectory.resolve(options.get("data-dir"), System.getenv());
        NpmTarballCache tarballs = new NpmTarballCache(directory.root(), List.of("npm"));
        int size = Integer.parseInt(options.getOrDefault("size", "32"));
        Dataset dataset = switch (name) {
            case "fashion-mnist" -> MnistFamilyDatasetFactory.fashionMnist(directory, tarballs).open(DataSpec.of(name, size));
            case "mnist" -> MnistFamilyDatasetFactory.mnist(directory, tarballs).open(DataSpec.of(name, size));
            case MovingMnistDatasetFactory.NAME -> framesOf(new MovingMnistDatasetFactory(
                    MnistFamilyDatasetFactory.mnist(directory, tarballs), directory,
                    MovingMnistDatasetFactory.DEFAULT_TRAIN_CLIPS, MovingMnistDatasetFactory.DEFAULT_TEST_CLIPS)
                    .open(DataSpec.clips(name, size, CLIP_FRAMES, 1,
                            Integer.parseInt(options.getOrDefault("digit-size", "0")))));
            default -> null;
        };
        if (dataset == null) {
            out.println("error: --dataset must be fashion-mnist, mnist or moving-mnist, got " + name);
            return 2;
        }
        FeatureNetworkTrainer.Settings settings = new FeatureNetworkTrainer.Settings(
                Integer.parseInt(options.getOrDefault("epochs", "6")),
                Integer.parseInt(options.getOrDefault("batch", "64")),
                Double.parseDouble(options.getOrDefault("lr", "0.001")),
                Long.parseLong(options.getOrDefault("seed", "1")),
                Integer.parseInt(options.getOrDefault("shift", "0")));
        out.println("training the " + name + " feature network on " + dataset.train().size() + " images of "
                + dataset.geometry() + " with " + settings);
        long start = System.nanoTime();
        FeatureNetworkWeights weights = new FeatureNetworkTrainer().train(dataset, settings, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path file = Path.of(options.get("out"));
        weights.write(file);
        double accuracy = new FeatureNetwork(weights).accuracy(dataset.test().range(0, dataset.test().size()));
        out.printf("test accuracy %.4f on %d images; training %.0f s; wrote %s%n", accuracy, dataset.test().size(),
                seconds, file);
        out.println("fingerprint " + weights.fingerprint());
        return 0;
    }

    /** The frames of single-digit clips as a dataset of images, labelled with their digit. */
    private static Dataset framesOf(Dataset clips) {
        ImageSet train = clips.train().asFrames();
        return new InMemoryDataset(clips.name(), train.geometry(), train, clips.test().asFrames());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!KEYS.contains(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value with key one of " + KEYS + ", got " + args[i]);
            }
            options.put(key, args[i + 1]);
        }
        for (String required : List.of("dataset", "out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return options;
    }
}
