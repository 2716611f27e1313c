package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;

/**
 * What the video setting needs to draw digits: learning curves (class agreement and per-frame FID on 100 clips
 * every 500 steps, at the paper's video guidance 2.5) of frame-wise AR models ({@link VideoScale}'s model with one
 * frame per block) under three recipes of about equal training compute. The first is {@link VideoScale}'s recipe
 * run twice as long (its step 2,000 is where the committed {@code video-tradeoff} runs stopped, class agreement
 * ≈ 0.13 at guidance 1.5); the second halves the clip to 4 frames and doubles the batch (the same tokens per step,
 * twice the clips); the third doubles the batch of 8-frame clips for half the steps. One seed each: a probe that
 * sizes the {@code standard} presets of {@code video-tradeoff} and {@code long-horizon}, not a comparison.
 */
public final class VideoLearningProbe {

    public static final ExperimentDefinition DEFINITION = Experiment.define("video-learning-probe", e -> e
            .description("Learning curves of frame-wise AR video models under three recipes of equal compute, "
                    + "to size the video presets: class agreement and per-frame FID at guidance 2.5 while training.")
            .with(VideoScale::clips)
            .model(Acdit.TYPE, m -> m.blockSize(16))
            .sweep(s -> s.cases(
                    c -> c.named("8 frames, batch 16, 4,000 steps").train(t -> t.steps(4000)),
                    c -> c.named("4 frames, batch 32, 4,000 steps").data(d -> d.frames(4))
                            .train(t -> t.steps(4000).batch(32)),
                    c -> c.named("8 frames, batch 32, 2,000 steps").train(t -> t.batch(32)))
                    .seeds(0))
            .with(VideoScale::learningCurves)
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(VideoScale::smoke)
                    .sweep(s -> s.cases(c -> c.named("8 frames").train(t -> t.steps(4)),
                            c -> c.named("4 frames").data(d -> d.frames(4)).train(t -> t.steps(2).batch(8))))
                    .model(Acdit.TYPE, m -> m.blockSize(4))
                    .evaluate(v -> v.samples(16))
                    .track(t -> t.evaluateEvery(2).evaluateSamples(8))));

    private VideoLearningProbe() {
    }
}
