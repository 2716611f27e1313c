package org.acdit4j.evaluators.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.ShippedFeatureNetworks;
import org.acdit4j.evaluators.fid.FidEvaluator;
import org.acdit4j.evaluators.fid.FrechetDistance;
import org.acdit4j.evaluators.fid.GaussianFit;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.MovingMnistDatasetFactory;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video metrics on real Moving-MNIST clips: the shipped frame network reads moving digits, and the clip-level
 * distance sees temporal order that per-frame statistics cannot.
 */
class VideoMetricsOnRealClipsTest {

    private static final Logger LOG = LoggerFactory.getLogger(VideoMetricsOnRealClipsTest.class);
    private static final int CLIPS = 400;
    private static final int FRAMES = 8;

    @TempDir
    static Path cache;

    private static FeatureNetwork network;
    private static ImageBatch train;
    private static ImageBatch test;

    @BeforeAll
    static void openClips() {
        Dataset clips = new MovingMnistDatasetFactory(TestDataDirectory.mnist(), new DataDirectory(cache), CLIPS, CLIPS)
                .open(DataSpec.clips(MovingMnistDatasetFactory.NAME, 32, FRAMES, 1));
        network = new ShippedFeatureNetworks().forDataset(clips);
        train = clips.train().range(0, CLIPS);
        test = clips.test().range(0, CLIPS);
    }

    @Test
    void theShippedNetworkRecognisesTheMovingDigitFrameByFrame() {
        double accuracy = network.accuracy(test);
        LOG.info("moving-mnist-32 network on moving-mnist test frames: accuracy {}", accuracy);
        assertThat(accuracy).isGreaterThan(0.93);
    }

    @Test
    void theShippedSixteenPixelNetworkRecognisesTheVideoPresetsDigits(@TempDir Path smallFrames) {
        Dataset clips = new MovingMnistDatasetFactory(TestDataDirectory.mnist(), new DataDirectory(smallFrames), CLIPS,
                CLIPS).open(DataSpec.clips(MovingMnistDatasetFactory.NAME, 16, FRAMES, 1, 12));
        double accuracy = new ShippedFeatureNetworks().forDataset(clips).accuracy(clips.test().range(0, CLIPS));
        LOG.info("moving-mnist-16 network on 12-pixel moving-mnist test frames: accuracy {}", accuracy);
        assertThat(accuracy).isGreaterThan(0.93);
    }

    @Test
    void clipDistanceSeesShuffledTimeWhilePooledFramesCannot() {
        ImageBatch shuffled = shuffledInTime(test);
        double pooledReal = FidEvaluator.between(network, train, test);
        double pooledShuffled = FidEvaluator.between(network, train, shuffled);
        double clipReal = clipDistance(train, test);
        double clipShuffled = clipDistance(train, shuffled);
        LOG.info("pooled-frame FID real {} shuffled {}; clip FD real {} shuffled {}", pooledReal, pooledShuffled,
                clipReal, clipShuffled);
        assertThat(pooledShuffled).isCloseTo(pooledReal, org.assertj.core.data.Offset.offset(1e-3 * pooledReal));
        assertThat(clipShuffled).isGreaterThan(1.5 * clipReal);
    }

    @Test
    void perFrameDistancesOfRealClipsAreAlikeAcrossFrameIndices() {
        double[] fid = new double[FRAMES];
        for (int t = 0; t < FRAMES; t++) {
            fid[t] = FidEvaluator.between(network, train.frame(t), test.frame(t));
        }
        ImageBatch blank = new ImageBatch(test.frame(0).geometry(), new float[test.frame(0).pixels().length],
                test.labels());
        double blankFid = FidEvaluator.between(network, train.frame(0), blank);
        LOG.info("per-frame FID of real test clips: {}; blank frames {}", java.util.Arrays.toString(fid), blankFid);
        for (double value : fid) {
            assertThat(value).isLessThan(blankFid / 5);
        }
    }

    private static double clipDistance(ImageBatch first, ImageBatch second) {
        return FrechetDistance.between(GaussianFit.of(ClipFrechetDistanceEvaluator.clipFeatures(network, first, FRAMES)),
                GaussianFit.of(ClipFrechetDistanceEvaluator.clipFeatures(network, second, FRAMES)));
    }

    /** Every clip's frames in a fixed scrambled order: the same set of frames, the motion destroyed. */
    private static ImageBatch shuffledInTime(ImageBatch clips) {
        int[] order = {5, 2, 7, 0, 3, 6, 1, 4};
        int perFrame = clips.geometry().valuesPerExample() / FRAMES;
        float[] pixels = new float[clips.pixels().length];
        for (int i = 0; i < clips.size(); i++) {
            for (int t = 0; t < FRAMES; t++) {
                System.arraycopy(clips.pixels(), (i * FRAMES + order[t]) * perFrame, pixels, (i * FRAMES + t) * perFrame,
                        perFrame);
            }
        }
        return new ImageBatch(clips.geometry(), pixels, clips.labels());
    }
}
