package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.acdit4j.framework.data.BatchStream;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.ImageSet;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TokenArTrainingTest {

    private static final Logger LOG = LoggerFactory.getLogger(TokenArTrainingTest.class);

    @TempDir
    Path dataDirectory;

    @Test
    void tinyModelOverfitsAFixedBatch() {
        TokenArConfig config = TokenArConfig.of(TokenArFixtures.spec(32), TokenArFixtures.train(120, 5e-3),
                TokenArFixtures.GRID_8, DataType.FLOAT);
        TokenArModel model = new TokenArModel(config, new Tokenizer(TokenArFixtures.GRID_8, 2,
                TokenArFixtures.randomCodebook(32, 5)), 1);
        int[] codes = TokenArFixtures.randomCodes(8, config.length(), 32, 9);
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1};
        double first = model.update(codes, labels).loss();
        double last = first;
        for (int i = 0; i < 120; i++) {
            last = model.update(codes, labels).loss();
        }
        LOG.info("fixed batch cross-entropy {} -> {}", first, last);
        assertThat(first).isCloseTo(Math.log(32), within(0.5));
        assertThat(last).isLessThan(first / 10);
    }

    /**
     * A short run on synthetic shapes (10 classes, 16×16, patch 4: 16 codes of a 64-code codebook) must give
     * class-conditional samples. Criterion: a 1-nearest-neighbour classifier over the 2,000 training images (L2 in
     * pixels) names the requested class for at least 40 % of 40 guided samples (chance: 10 %;
     * P(≥ 16 of 40 | p = 0.1) < 1e-5), and the same classifier gets at least 60 % of real test images right, so
     * the criterion can tell shapes apart at all.
     */
    @Test
    void shortRunOnSyntheticShapesGivesClassConditionalSamples() {
        Dataset shapes = TokenArFixtures.shapes16();
        TokenArSpec spec = new TokenArSpec(64, 2, 4, 4, 64, 1, 32_000, 0.1, 4, TokenArFixtures.SHAPES_16);
        TrainSpec train = new TrainSection().steps(250).batch(32).lr(3e-3).betas(0.9, 0.99).weightDecay(0.0)
                .gradClip(1.0).schedule(LearningRateSchedule.WSD).warmupSteps(20).decayFraction(0.2).ema(0.99).build();
        Tokenizer tokenizer = new CodebookStore(dataDirectory).tokenizer(shapes, spec);
        TokenArModel model = new TokenArModel(TokenArConfig.of(spec, train, shapes.geometry(), DataType.FLOAT),
                tokenizer, 1);
        BatchStream batches = shapes.train().batches(train.batch(), 1);
        long start = System.nanoTime();
        double loss = 0;
        for (int step = 0; step < train.steps(); step++) {
            loss = 0.9 * loss + 0.1 * model.trainStep(batches.batch(step)).loss();
        }
        LOG.info("{} steps of {} in {} s, smoothed final cross-entropy {}", train.steps(), train.batch(),
                (System.nanoTime() - start) / 1e9, loss);
        ImageSet reference = shapes.train();
        ImageBatch test = shapes.test().range(0, 100);
        assertThat(agreement(reference, test)).isGreaterThanOrEqualTo(0.6);

        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        ImageBatch samples = model.sample(new SampleRequest(labels, new TokenSampling(1.0, 0), 3.0, 5, true, true));
        double agreement = agreement(reference, samples);
        LOG.info("1-NN class agreement of samples {} (real test images {})", agreement, agreement(reference, test));
        assertThat(agreement).isGreaterThanOrEqualTo(0.4);
    }

    /** Fraction of {@code images} whose nearest image of {@code reference} (L2) has the image's label. */
    private static double agreement(ImageSet reference, ImageBatch images) {
        ImageBatch all = reference.range(0, reference.size());
        int values = images.geometry().valuesPerExample();
        int agree = 0;
        for (int i = 0; i < images.size(); i++) {
            double best = Double.MAX_VALUE;
            int bestLabel = -1;
            for (int r = 0; r < all.size(); r++) {
                double d = 0;
                for (int v = 0; v < values && d < best; v++) {
                    double delta = images.pixels()[i * values + v] - all.pixels()[r * values + v];
                    d += delta * delta;
                }
                if (d < best) {
                    best = d;
                    bestLabel = all.labels()[r];
                }
            }
            agree += bestLabel == images.labels()[i] ? 1 : 0;
        }
        return (double) agree / images.size();
    }
}
