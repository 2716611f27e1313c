package org.acdit4j.evaluators.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature networks shipped as resources of this module, each pinned by the SHA-256 of its weights file.
 * Loaded networks are kept for the lifetime of this instance. Retrain with {@code acdit features train --out FILE}
 * ({@link TrainFeatureNetwork}), replace the resource and pin its new fingerprint here.
 */
public final class ShippedFeatureNetworks implements FeatureNetworks {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedFeatureNetworks.class);
    private static final String FOLDER = "/org/acdit4j/evaluators/features/";

    /** {@code <dataset>-<image side>} (for clips: of their frames, measured one by one) → pinned SHA-256 of the weights file {@code <dataset>-<side>.weights}. */
    private static final Map<String, String> FINGERPRINTS = Map.of(
            "fashion-mnist-32", "d120aa8db17a5deeafb8bf667cf2061cfd9714b727d27cd0dc0c8ac6fae01722",
            "fashion-mnist-16", "244de40b5720aa7fa5fe043a8479fd62135ba43480cbd89c9fbe3511a2b64f7e",
            "mnist-32", "743e17f1b3b2683c80b31d0a9fd28b6f4c83f959ed69d4d39594d5dc5854956c",
            "mnist-16", "2ec5a33e646973a8c3af39c589fa7c3202a7c39b2914abd48b359be737b49d96",
            "moving-mnist-32", "63752f85fec3039d5aedfae59a371e2fc7e2ffc06882fb798e31183645e09ea0",
            "moving-mnist-16", "cba4ad4846d03bde482851fca7e9bd60e819ad1b3a1487f81940824bd3aff267");

    private final Map<String, FeatureNetwork> loaded = new ConcurrentHashMap<>();

    @Override
    public boolean has(String datasetIdentity, Geometry geometry) {
        return FINGERPRINTS.containsKey(key(datasetIdentity, geometry)) && geometry.height() == geometry.width();
    }

    private static String key(String datasetIdentity, Geometry geometry) {
        return datasetIdentity + "-" + geometry.height();
    }

    @Override
    public FeatureNetwork forDataset(Dataset dataset) {
        String key = key(dataset.identity(), dataset.geometry());
        if (!has(dataset.identity(), dataset.geometry())) {
            throw new IllegalArgumentException("no feature network for " + dataset.identity() + " at "
                    + dataset.geometry() + "; shipped: " + FINGERPRINTS.keySet());
        }
        FeatureNetwork network = loaded.computeIfAbsent(key, ShippedFeatureNetworks::load);
        network.checkCompatible(dataset.geometry());
        return network;
    }

    /** The pinned fingerprint of the shipped network {@code key} (e.g. {@code fashion-mnist-32}). */
    public static String pinnedFingerprint(String key) {
        String fingerprint = FINGERPRINTS.get(key);
        if (fingerprint == null) {
            throw new IllegalArgumentException("no shipped feature network " + key + "; shipped: " + FINGERPRINTS.keySet());
        }
        return fingerprint;
    }

    private static FeatureNetwork load(String key) {
        String resource = FOLDER + key + ".weights";
        try (InputStream in = ShippedFeatureNetworks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("feature network resource " + resource + " is missing from the classpath");
            }
            FeatureNetworkWeights weights = FeatureNetworkWeights.read(in.readAllBytes(), resource, FINGERPRINTS.get(key));
            LOG.info("loaded feature network {} (SHA-256 {})", resource, weights.fingerprint());
            return new FeatureNetwork(weights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feature network resource " + resource + ": " + e.getMessage(), e);
        }
    }
}
