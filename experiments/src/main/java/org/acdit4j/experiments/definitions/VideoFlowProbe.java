package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;

/**
 * Whether the image experiments' converging recipe ({@link CpuScale#converging}: flow matching, learning rate 8e-3,
 * uniform loss weights) makes the video models draw digits: learning curves (class agreement and per-frame FID on
 * 100 clips every 500 steps, guidance 2.5) of a frame-wise AR model ({@link VideoScale}'s 8-frame clips, one frame
 * per block, batch 16) trained for 2,000 steps (the {@code video-tradeoff} budget) and for 4,000 steps (the longest
 * recipe of {@code video-learning-probe}, which reached class agreement 0.19 under ε-prediction). One seed each: a
 * probe that sizes the {@code standard} presets of {@code video-tradeoff} and {@code long-horizon}.
 */
public final class VideoFlowProbe {

    public static final ExperimentDefinition DEFINITION = Experiment.define("video-flow-probe", e -> e
            .description("Learning curves of frame-wise AR video models under the converging flow recipe, "
                    + "2,000 and 4,000 steps: class agreement and per-frame FID at guidance 2.5 while training.")
            .with(VideoScale::clips)
            .with(CpuScale::converging)
            .model(Acdit.TYPE, m -> m.blockSize(16))
            .sweep(s -> s.grid("train.steps", 2000, 4000).seeds(0))
            .with(VideoScale::learningCurves)
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(VideoScale::smoke)
                    .sweep(s -> s.grid("train.steps", 2, 4))
                    .model(Acdit.TYPE, m -> m.blockSize(4))
                    .evaluate(v -> v.samples(16))
                    .track(t -> t.evaluateEvery(2).evaluateSamples(8))));

    private VideoFlowProbe() {
    }
}
