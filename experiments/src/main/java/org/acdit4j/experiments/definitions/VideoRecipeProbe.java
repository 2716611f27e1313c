package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;

/**
 * Whether gradient noise holds the video models back where width did not ({@code video-width-probe}: class agreement
 * 0.33 at width 96 and 0.26 at width 144 after 2,000 steps, against 0.32 at width 72): the width-96 frame-wise AR model
 * (4 heads, {@link VideoScale}'s 8-frame clips, one frame per block) under the converging flow recipe ({@link
 * CpuScale#converging}) with twice the clips per step (batch 32), and with half its learning rate (4e-3), 2,000 steps,
 * learning curves at guidance 2.5. One seed each: a probe that sizes the {@code standard} presets of {@code
 * video-tradeoff} and {@code long-horizon}.
 */
public final class VideoRecipeProbe {

    public static final ExperimentDefinition DEFINITION = Experiment.define("video-recipe-probe", e -> e
            .description("Learning curves of the width-96 frame-wise AR video model under the converging flow recipe "
                    + "with batch 32, and with learning rate 4e-3, 2,000 steps: class agreement and per-frame FID at "
                    + "guidance 2.5 while training.")
            .with(VideoScale::clips)
            .with(CpuScale::converging)
            .model(Acdit.TYPE, m -> m.width(96).heads(4).blockSize(16))
            .sweep(s -> s.cases(c -> c.named("width 96, batch 32").train(t -> t.batch(32)),
                            c -> c.named("width 96, learning rate 4e-3").train(t -> t.lr(4e-3)))
                    .seeds(0))
            .with(VideoScale::learningCurves)
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(VideoScale::smoke)
                    .sweep(s -> s.cases(c -> c.named("batch 8").train(t -> t.batch(8)),
                            c -> c.named("learning rate 4e-3").train(t -> t.lr(4e-3))))
                    .model(Acdit.TYPE, m -> m.width(12).heads(2).blockSize(4))
                    .evaluate(v -> v.samples(16))
                    .track(t -> t.evaluateEvery(2).evaluateSamples(8))));

    private VideoRecipeProbe() {
    }
}
