package org.acdit4j.evaluators.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.MovingMnistDatasetFactory;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainFeatureNetworkTest {

    @Test
    void writesTheWeightsAndPrintsTheFingerprintToPin(@TempDir Path folder) throws IOException {
        Dataset shapes = TrainFeatureNetwork.images(new SyntheticShapes(), DataSpec.of(SyntheticShapes.NAME, 8));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path file = folder.resolve("shapes-8.weights");

        FeatureNetworkWeights weights = TrainFeatureNetwork.train(shapes,
                new FeatureNetworkTrainer.Settings(1, 250, 1e-3, 5, 0), file,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(FeatureNetworkWeights.read(file, weights.fingerprint()).dataset()).isEqualTo(SyntheticShapes.NAME);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .startsWith("training the synthetic-shapes feature network on 2000 images of ")
                .containsPattern("test accuracy 0\\.\\d{4} on 500 images; training \\d+ s; wrote " + file)
                .endsWith("fingerprint " + weights.fingerprint() + System.lineSeparator());
    }

    @Test
    void aClipDatasetIsLearnedFromTheFramesOfItsClips(@TempDir Path folder) {
        MovingMnistDatasetFactory clips = new MovingMnistDatasetFactory(TestDataDirectory.mnist(),
                new DataDirectory(folder), 3, 2);

        Dataset frames = TrainFeatureNetwork.images(clips, DataSpec.clips(MovingMnistDatasetFactory.NAME, 16, TrainFeatureNetwork.CLIP_FRAMES, 1, 12));

        assertThat(frames.geometry()).isEqualTo(Geometry.image(1, 16, 16, 10));
        assertThat(frames.train().size()).isEqualTo(3 * TrainFeatureNetwork.CLIP_FRAMES);
        assertThat(frames.test().size()).isEqualTo(2 * TrainFeatureNetwork.CLIP_FRAMES);
        int clipFrames = TrainFeatureNetwork.CLIP_FRAMES;
        for (int frame = 0; frame < frames.train().size(); frame++) {
            int firstOfItsClip = frame / clipFrames * clipFrames;
            assertThat(frames.train().label(frame)).isEqualTo(frames.train().label(firstOfItsClip));
        }
    }
}
