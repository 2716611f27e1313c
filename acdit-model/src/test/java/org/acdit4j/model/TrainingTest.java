package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.TrainStepResult;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.graph.AcditNetwork;
import org.acdit4j.model.diffusion.LossWeighting;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TrainingTest {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingTest.class);

    @Test
    void tinyModelOverfitsAFixedBatch() {
        TrainSpec train = new TrainSection().steps(150).batch(8).lr(3e-3).betas(0.9, 0.999).weightDecay(0.0)
                .gradClip(1.0).schedule(LearningRateSchedule.CONSTANT).warmupSteps(0).decayFraction(0.15).ema(0.99).build();
        AcditModel model = TinyModels.model(TinyModels.spec(4, BlockShape.SQUARE), train, TinyModels.GRID_8, 1,
                DataType.FLOAT);
        AcditNetwork.TrainingInput fixed = model.trainingInput(TinyModels.randomBatch(TinyModels.GRID_8, 8, 3), false);
        double first = model.update(fixed).loss();
        double last = first;
        for (int i = 0; i < 150; i++) {
            last = model.update(fixed).loss();
        }
        LOG.info("fixed batch loss {} -> {}", first, last);
        assertThat(last).isLessThan(first / 10);
    }

    /**
     * Four classes of 8×8 images: a dark background with one bright pixel whose position depends on the
     * class; all four positions lie in the first block, so the class is decided while that block is still
     * noisy and the label has to be used. After a short training, guided samples of class k must be nearest
     * (L2) to template k for at least half of the samples (chance: a quarter; P(≥ 12 of 24 | chance) ≈ 0.002).
     */
    @Test
    void shortTrainingGivesRecognisableClassConditionalSamples() {
        Geometry g = Geometry.image(1, 8, 8, 4);
        AcditSpec spec = new AcditSpec(64, 2, 4, 2, 4, BlockShape.SQUARE, RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1,
                4, DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
        TrainSpec train = new TrainSection().steps(300).batch(16).lr(3e-3).betas(0.9, 0.999).weightDecay(0.0)
                .gradClip(1.0).schedule(LearningRateSchedule.WSD).warmupSteps(20).decayFraction(0.2).ema(0.99).build();
        AcditModel model = TinyModels.model(spec, train, g, 1, DataType.FLOAT);
        HostRandom data = new HostRandom(8);
        double loss = 0;
        for (int step = 0; step < train.steps(); step++) {
            TrainStepResult r = model.trainStep(dots(g, train.batch(), data));
            loss = 0.95 * loss + 0.05 * r.loss();
        }
        LOG.info("smoothed final loss {}", loss);
        int perClass = 6;
        int[] labels = new int[4 * perClass];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4;
        }
        ImageBatch samples = model.sample(new SampleRequest(labels, new DiffusionSampling(Solver.DDIM, 10), 4.0, 3,
                true, false));
        int agree = 0;
        for (int i = 0; i < labels.length; i++) {
            if (nearestTemplate(samples.example(i)) == labels[i]) {
                agree++;
            }
        }
        LOG.info("template agreement {}/{}", agree, labels.length);
        assertThat((double) agree / labels.length).isGreaterThanOrEqualTo(0.5);
    }

    private static float[] template(int k) {
        float[] img = new float[64];
        java.util.Arrays.fill(img, -1f);
        img[(k / 2) * 3 * 8 + (k % 2) * 3] = 1f;
        return img;
    }

    private static ImageBatch dots(Geometry g, int n, HostRandom r) {
        float[] px = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(4);
            System.arraycopy(template(labels[i]), 0, px, i * 64, 64);
        }
        return new ImageBatch(g, px, labels);
    }

    private static int nearestTemplate(float[] img) {
        int best = -1;
        double bestDist = Double.MAX_VALUE;
        for (int k = 0; k < 4; k++) {
            float[] t = template(k);
            double d = 0;
            for (int j = 0; j < 64; j++) {
                d += (img[j] - t[j]) * (img[j] - t[j]);
            }
            if (d < bestDist) {
                bestDist = d;
                best = k;
            }
        }
        return best;
    }
}
