package org.acdit4j.evaluators.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.MnistFamilyDatasetFactory;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ShippedFeatureNetworksTest {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedFeatureNetworksTest.class);

    private final ShippedFeatureNetworks networks = new ShippedFeatureNetworks();

    static Stream<Arguments> shippedNetworks() {
        return Stream.of(Arguments.of(TestDataDirectory.fashionMnist(), "fashion-mnist", 32, 0.90),
                Arguments.of(TestDataDirectory.fashionMnist(), "fashion-mnist", 16, 0.90),
                Arguments.of(TestDataDirectory.mnist(), "mnist", 32, 0.97),
                Arguments.of(TestDataDirectory.mnist(), "mnist", 16, 0.97));
    }

    @ParameterizedTest(name = "{1} at {2} pixels")
    @MethodSource("shippedNetworks")
    void theNetworkClassifiesTheTestSplit(MnistFamilyDatasetFactory factory, String name, int side, double atLeast) {
        assertThat(testAccuracy(factory, name, side)).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void aTamperedWeightsFileGivesAFingerprintError(@TempDir Path folder) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/org/acdit4j/evaluators/features/mnist-32.weights")) {
            bytes = in.readAllBytes();
        }
        String pinned = ShippedFeatureNetworks.pinnedFingerprint("mnist-32");
        Path intact = folder.resolve("intact.weights");
        Files.write(intact, bytes);
        assertThat(FeatureNetworkWeights.read(intact, pinned).fingerprint()).isEqualTo(pinned);

        bytes[bytes.length / 2] ^= 1;
        Path tampered = folder.resolve("tampered.weights");
        Files.write(tampered, bytes);

        assertThatThrownBy(() -> FeatureNetworkWeights.read(tampered, pinned))
                .isInstanceOf(FingerprintMismatchException.class)
                .hasMessageContaining(tampered.toString())
                .hasMessageContaining(pinned)
                .hasMessageContaining(Sha256.hex(bytes))
                .hasMessageNotContaining("\n");
    }

    @Test
    void writtenWeightsReadBackWithTheSameFingerprint(@TempDir Path folder) throws IOException {
        Dataset mnist = TestDataDirectory.mnist().open(DataSpec.of("mnist", 32));
        FeatureNetworkWeights weights = networks.forDataset(mnist).weights();
        Path copy = folder.resolve("copy.weights");
        weights.write(copy);
        FeatureNetwork reread = new FeatureNetwork(FeatureNetworkWeights.read(copy, weights.fingerprint()));
        assertThat(reread.run(mnist.test().range(0, 20)).features())
                .isEqualTo(networks.forDataset(mnist).run(mnist.test().range(0, 20)).features());
    }

    @Test
    void aDatasetWithoutANetworkIsAOneLineError() {
        Dataset shapes = new SyntheticShapes().open(DataSpec.of(SyntheticShapes.NAME, 32));
        assertThatThrownBy(() -> networks.forDataset(shapes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no feature network for synthetic-shapes at 1x32x32, 10 classes; shipped: ");
        Dataset small = TestDataDirectory.mnist().open(DataSpec.of("mnist", 28));
        assertThatThrownBy(() -> networks.forDataset(small)).hasMessageStartingWith("no feature network for mnist at 1x28x28");
    }

    private double testAccuracy(MnistFamilyDatasetFactory factory, String name, int side) {
        Dataset dataset = factory.open(DataSpec.of(name, side));
        FeatureNetwork network = networks.forDataset(dataset);
        double accuracy = network.accuracy(dataset.test().range(0, dataset.test().size()));
        LOG.info("{} feature network {}: test accuracy {} on {} images", name, network.fingerprint(), accuracy,
                dataset.test().size());
        return accuracy;
    }
}
