package org.acdit4j.evaluators.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feature networks trained by the user ({@code acdit features train}) for datasets the project ships none for, kept in
 * {@code feature-networks/} of the data directory: {@code <identity>-<C>x<side>.weights} and, beside it, its SHA-256
 * in {@code .sha256}, checked on every load. The identity of an image folder holds a fingerprint of its contents, so
 * a network is found only for the images it was trained on.
 */
public final class TrainedFeatureNetworks implements FeatureNetworks {

    private static final Logger LOG = LoggerFactory.getLogger(TrainedFeatureNetworks.class);

    private final Path folder;
    private final Map<String, FeatureNetwork> loaded = new ConcurrentHashMap<>();

    public TrainedFeatureNetworks(Path folder) {
        this.folder = folder;
    }

    /** The networks kept in {@code directory}'s {@code feature-networks/} folder. */
    public static TrainedFeatureNetworks in(DataDirectory directory) {
        return new TrainedFeatureNetworks(directory.root().resolve("feature-networks"));
    }

    /** The weights file of the network for {@code datasetIdentity} at {@code geometry} (frames count as images). */
    public Path weightsFile(String datasetIdentity, Geometry geometry) {
        return folder.resolve(datasetIdentity + "-" + geometry.channels() + "x" + geometry.height() + ".weights");
    }

    private static Path fingerprintFile(Path weights) {
        return weights.resolveSibling(weights.getFileName().toString().replace(".weights", ".sha256"));
    }

    @Override
    public boolean has(String datasetIdentity, Geometry geometry) {
        Path weights = weightsFile(datasetIdentity, geometry);
        return Files.isRegularFile(weights) && Files.isRegularFile(fingerprintFile(weights));
    }

    @Override
    public FeatureNetwork forDataset(Dataset dataset) {
        Geometry geometry = dataset.geometry();
        if (!has(dataset.identity(), geometry)) {
            throw new IllegalArgumentException("no feature network for " + FeatureNetworks.describe(dataset.identity(),
                    geometry) + " in " + folder + "; train one with acdit features train");
        }
        Path weights = weightsFile(dataset.identity(), geometry);
        FeatureNetwork network = loaded.computeIfAbsent(weights.toString(), ignored -> load(weights));
        network.checkCompatible(geometry);
        return network;
    }

    /** Writes {@code weights} as the network of {@code datasetIdentity}, with its fingerprint; returns the weights file. */
    public Path install(FeatureNetworkWeights weights, String datasetIdentity) throws IOException {
        Path file = weightsFile(datasetIdentity, Geometry.image(weights.channels(), weights.side(), weights.side(),
                weights.classes()));
        weights.write(file);
        AtomicFiles.writeString(fingerprintFile(file), weights.fingerprint() + "\n");
        return file;
    }

    private static FeatureNetwork load(Path weights) {
        try {
            String expected = Files.readString(fingerprintFile(weights), StandardCharsets.US_ASCII).strip();
            FeatureNetworkWeights read = FeatureNetworkWeights.read(weights, expected);
            LOG.info("loaded feature network {} (SHA-256 {})", weights, read.fingerprint());
            return new FeatureNetwork(read);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feature network " + weights + ": " + e.getMessage(), e);
        }
    }
}
