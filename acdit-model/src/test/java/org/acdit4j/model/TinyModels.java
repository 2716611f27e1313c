package org.acdit4j.model;

import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.LossWeighting;
import org.nd4j.linalg.api.buffer.DataType;

/** Small configurations and inputs shared by the tests. */
final class TinyModels {

    static final Geometry GRID_8 = Geometry.image(1, 8, 8, 3);
    /** 4 frames of 4×4: at patch 2, 4 tokens per frame and 16 in all. */
    static final Geometry CLIP_4 = new Geometry(1, 4, 4, 4, 3);

    private TinyModels() {
    }

    /** 8×8×1, patch 2 (16 tokens), width 32, depth 2, 2 heads. */
    static AcditSpec spec(int blockSize, BlockShape shape) {
        return new AcditSpec(32, 2, 2, 2, blockSize, shape, RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1, 4,
                DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
    }

    /** Patch 2, width 24, depth 2, 2 heads: a head dim of 12 splits into three RoPE axes. */
    static AcditSpec videoSpec(int blockSize, BlockShape shape) {
        return new AcditSpec(24, 2, 2, 2, blockSize, shape, RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1, 4,
                DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
    }

    /** {@link #videoSpec} for clips, {@link #spec} for images. */
    static AcditSpec spec(Geometry g, int blockSize, BlockShape shape) {
        return g.frames() > 1 ? videoSpec(blockSize, shape) : spec(blockSize, shape);
    }

    static TrainSpec train() {
        return new TrainSection().steps(100).batch(8).lr(1e-3).betas(0.9, 0.999).weightDecay(0.0).gradClip(1.0)
                .schedule(LearningRateSchedule.CONSTANT).warmupSteps(0).decayFraction(0.15).ema(0.999).build();
    }

    static AcditModel model(AcditSpec spec, TrainSpec train, Geometry g, long seed, DataType type) {
        return AcditModel.create(spec, train, g, seed, type);
    }

    /** Random pixels in [-1, 1] with labels 0, 1, 2, 0, ... */
    static ImageBatch randomBatch(Geometry g, int n, long seed) {
        HostRandom r = new HostRandom(seed);
        float[] px = new float[n * g.valuesPerExample()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (2 * r.nextDouble() - 1);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % g.classes();
        }
        return new ImageBatch(g, px, labels);
    }
}
