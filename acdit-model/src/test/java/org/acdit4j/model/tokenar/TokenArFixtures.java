package org.acdit4j.model.tokenar;

import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.HostRandom;
import org.nd4j.linalg.api.buffer.DataType;

/** Small token-AR configurations shared by the tests. */
final class TokenArFixtures {

    /** 8×8 single-channel images, 3 classes: at patch 2, 16 codes per image. */
    static final Geometry GRID_8 = Geometry.image(1, 8, 8, 3);
    static final DataSpec SHAPES_16 = DataSpec.of(SyntheticShapes.NAME, 16);

    private TokenArFixtures() {
    }

    /** Width 32, depth 2, 2 heads (head dim 16), patch 2, {@code codes} codes. */
    static TokenArSpec spec(int codes) {
        return new TokenArSpec(32, 2, 2, 2, codes, 1, 4096, 0.1, 4, DataSpec.of(SyntheticShapes.NAME, 8));
    }

    static TrainSpec train(int steps, double lr) {
        return new TrainSection().steps(steps).batch(8).lr(lr).betas(0.9, 0.999).weightDecay(0.0).gradClip(1.0)
                .schedule(LearningRateSchedule.CONSTANT).warmupSteps(0).decayFraction(0.15).ema(0.99).build();
    }

    /** A codebook of {@code codes} random vectors in [-1, 1] for patch-2 single-channel tokens. */
    static Codebook randomCodebook(int codes, long seed) {
        HostRandom r = new HostRandom(seed);
        float[] v = new float[codes * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return new Codebook(codes, 4, v);
    }

    /** A model on {@link #GRID_8} with a random codebook and random (not initial) weights. */
    static TokenArModel randomModel(int codes, DataType type) {
        TokenArConfig config = TokenArConfig.of(spec(codes), train(10, 1e-3), GRID_8, type);
        TokenArModel model = new TokenArModel(config, new Tokenizer(GRID_8, 2, randomCodebook(codes, 5)), 3);
        model.randomizeWeights(11, 0.3);
        return model;
    }

    /** Random codes (n, L) flat in 0..codes-1. */
    static int[] randomCodes(int n, int length, int codes, long seed) {
        HostRandom r = new HostRandom(seed);
        int[] out = new int[n * length];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.nextInt(codes);
        }
        return out;
    }

    static Dataset shapes16() {
        return new SyntheticShapes().open(SHAPES_16);
    }
}
