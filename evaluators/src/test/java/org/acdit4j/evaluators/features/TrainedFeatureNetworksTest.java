package org.acdit4j.evaluators.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageFolderDatasetFactory;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.testing.ImageFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feature network trained for an RGB image folder, installed in the data directory, found, checked and refused. */
class TrainedFeatureNetworksTest {

    @TempDir
    Path work;

    @Test
    void aNetworkTrainedForAnRgbFolderIsFoundForThoseImagesOnlyAndCheckedOnLoad() throws Exception {
        Path folder = ImageFolders.write(work.resolve("photos"), List.of("blue", "green", "red", "yellow"), 20, true,
                12, 12);
        DataDirectory directory = new DataDirectory(work.resolve("data"));
        ImageFolderDatasetFactory factory = new ImageFolderDatasetFactory(directory);
        DataSpec spec = DataSpec.fromSource(ImageFolderDatasetFactory.NAME, 8, folder.toString(), 0);
        Dataset photos = factory.open(spec);
        TrainedFeatureNetworks store = TrainedFeatureNetworks.in(directory);
        FeatureNetworks catalog = new FeatureNetworkCatalog(new ShippedFeatureNetworks(), store);
        assertThat(catalog.missingFor(spec, photos.identity(), photos.geometry())).hasValue("no feature network for "
                + photos.identity() + " at 3x8x8, 4 classes; train one with: acdit features train --dataset"
                + " image-folder --source " + folder + " --size 8");

        FeatureNetworkWeights weights = TrainFeatureNetwork.trainInto(store, photos,
                new FeatureNetworkTrainer.Settings(4, 16, 2e-3, 1, 0),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        Path file = work.resolve("data/feature-networks/" + photos.identity() + "-3x8.weights");
        assertThat(file).exists();
        assertThat(Files.readString(work.resolve("data/feature-networks/" + photos.identity() + "-3x8.sha256")).strip())
                .isEqualTo(weights.fingerprint());
        assertThat(catalog.missingFor(spec, photos.identity(), photos.geometry())).isEmpty();
        FeatureNetwork network = catalog.forDataset(photos);
        assertThat(network.fingerprint()).isEqualTo(weights.fingerprint());
        assertThat(network.accuracy(photos.train().range(0, photos.train().size()))).isGreaterThan(0.5);
        assertThat(catalog.has(photos.identity(), Geometry.image(1, 8, 8, 4))).isFalse();

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> TrainedFeatureNetworks.in(directory).forDataset(photos))
                .isInstanceOf(FingerprintMismatchException.class)
                .hasMessageStartingWith("feature network weights " + file + " have SHA-256 ");
    }

    @Test
    void aSideTheNetworkCannotTakeIsNamedInsteadOfACommand() {
        FeatureNetworks catalog = new FeatureNetworkCatalog(new ShippedFeatureNetworks(),
                new TrainedFeatureNetworks(work.resolve("none")));
        DataSpec spec = DataSpec.of(SyntheticShapes.NAME, 12);

        assertThat(catalog.missingFor(spec, SyntheticShapes.NAME, Geometry.image(1, 12, 12, 10))).hasValue(
                "feature networks need square images with a side divisible by 8, got data.size=12");
        assertThat(catalog.missingFor(DataSpec.of("mnist", 32), "mnist", Geometry.image(1, 32, 32, 10))).isEmpty();
    }
}
