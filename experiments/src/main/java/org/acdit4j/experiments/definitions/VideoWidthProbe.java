package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;

/**
 * Whether width makes the video models draw digits where steps did not ({@code video-flow-probe} stayed at class
 * agreement 0.32 at guidance 2.5 from 2,000 to 4,000 steps at width 72): the same frame-wise AR model ({@link
 * VideoScale}'s 8-frame clips, one frame per block, batch 16) under the converging flow recipe ({@link
 * CpuScale#converging}) at widths 96 and 144 with 4 heads, 2,000 steps (the {@code video-tradeoff} budget), learning
 * curves at guidance 2.5. One seed each: a probe that sizes the {@code standard} presets of {@code video-tradeoff} and
 * {@code long-horizon}.
 */
public final class VideoWidthProbe {

    public static final ExperimentDefinition DEFINITION = Experiment.define("video-width-probe", e -> e
            .description("Learning curves of frame-wise AR video models under the converging flow recipe at widths "
                    + "96 and 144 (4 heads), 2,000 steps: class agreement and per-frame FID at guidance 2.5 while "
                    + "training.")
            .with(VideoScale::clips)
            .with(CpuScale::converging)
            .model(Acdit.TYPE, m -> m.blockSize(16).heads(4))
            .sweep(s -> s.grid("model.width", 96, 144).seeds(0))
            .with(VideoScale::learningCurves)
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(VideoScale::smoke)
                    .sweep(s -> s.grid("model.width", 12, 24))
                    .model(Acdit.TYPE, m -> m.blockSize(4).heads(2))
                    .evaluate(v -> v.samples(16))
                    .track(t -> t.evaluateEvery(2).evaluateSamples(8))));

    private VideoWidthProbe() {
    }
}
