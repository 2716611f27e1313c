package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.video.RolloutMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.model.Acdit;

/**
 * Generation past the trained clip length: trained on 8-frame Moving-MNIST clips, each model rolls out 32 frames
 * block by block, keeping only the last frames of context in the KV-cache (as many as keep every attention offset
 * inside the trained clip). Quality against frame index (per-frame FID against real frames, class agreement) shows
 * whether the digit and its motion survive beyond the trained range. Blocks of 1 and 2 frames; the models are
 * those of {@code video-tradeoff} ({@link VideoScale}), whose trainings a shared runs folder reuses. The body is
 * the {@code standard} preset.
 */
public final class LongHorizon {

    public static final ExperimentDefinition DEFINITION = Experiment.define("long-horizon", e -> e
            .description("Rollouts to 4x the trained clip length with a bounded KV window: per-frame FID and "
                    + "class agreement against frame index.")
            .with(VideoScale::clips)
            .with(VideoScale::converged)
            .sweep(s -> s.grid("model.blockSize", 16, 32))
            .evaluate(v -> v.use("rollout").samples(100))
            .track(t -> t.evaluateEvery(0).evaluateWith().evaluateSamples(0))
            .report(r -> r.axis(Acdit.AR_LENGTH).headline(RolloutMetrics.CLASS_AGREEMENT_BEYOND, HIGHER_IS_BETTER)
                    .plot(RolloutMetrics.FID_BEYOND, "model.blockSize")
                    .plot(RolloutMetrics.CLASS_AGREEMENT_BEYOND, "model.blockSize")
                    .byFrame(RolloutMetrics.FID_PER_FRAME, RolloutMetrics.CLASS_AGREEMENT_PER_FRAME)
                    .metrics(RolloutMetrics.FID_TRAINED, RolloutMetrics.FID_BEYOND,
                            RolloutMetrics.CLASS_AGREEMENT_TRAINED, RolloutMetrics.CLASS_AGREEMENT_BEYOND,
                            RolloutMetrics.WINDOW, RunMetrics.IMAGES_SEEN))
            .preset("quick", p -> p.with(VideoScale::quick).evaluate(v -> v.samples(50)))
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(VideoScale::smoke)
                    .sweep(s -> s.grid("model.blockSize", 4, 8))
                    .evaluate(v -> v.samples(12))));

    private LongHorizon() {
    }
}
