package org.acdit4j.experiments.definitions;

import static org.acdit4j.experiments.definitions.AcditCases.blocks;
import static org.acdit4j.framework.spec.MetricDirection.LOWER_IS_BETTER;

import org.acdit4j.evaluators.speed.SamplingSpeedMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;
import org.acdit4j.model.diffusion.Solver;

/**
 * The paper's Fig. 5 at CPU scale: sampling time against AR length for sequences of 64, 256 and 1024 tokens
 * (32×32 images at patch 4, 2 and 1), with and without the KV-cache, next to the analytic FLOPs per image.
 * AR length = tokens / block size. Sampling time does not depend on the weights, so the models train for a
 * few steps only; the experiment measures time, not quality. One seed: each time is the median of repeated
 * calls (the sampling-speed evaluator), not a mean across seeds. The body is the {@code standard} preset.
 */
public final class InferenceScaling {

    public static final ExperimentDefinition DEFINITION = Experiment.define("inference-scaling", e -> e
            .description("Inference cost (ACDiT Fig. 5): seconds and GFLOPs per sampled image against AR length "
                    + "at 64, 256 and 1024 tokens, with and without the KV-cache. Briefly trained weights: "
                    + "time only.")
            .data(d -> d.name("mnist").size(32))
            .model(Acdit.TYPE, m -> m.width(64).depth(3).heads(4).patch(4))
            .train(t -> t.steps(2).batch(2).warmupSteps(0))
            .sampler(Acdit.TYPE, s -> s.solver(Solver.DDIM).steps(10))
            .sample(s -> s.guidance(1.5).batch(8))
            .sweep(s -> s.cases(blocks(4, 64), blocks(4, 16), blocks(4, 4), blocks(4, 1),
                    blocks(2, 256), blocks(2, 64), blocks(2, 16), blocks(2, 4),
                    blocks(1, 1024), blocks(1, 256), blocks(1, 64), blocks(1, 16)).seeds(0))
            .evaluate(v -> v.use("sampling-speed").guidances(1.5))
            .track(t -> t.logEvery(1).checkpointEvery(2))
            .report(r -> r.axis(Acdit.AR_LENGTH)
                    .headline(SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE, LOWER_IS_BETTER)
                    .plot(SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE, "model.blockSize")
                    .plot(SamplingSpeedMetrics.SECONDS_PER_IMAGE, "model.blockSize")
                    .plot(SamplingSpeedMetrics.GFLOPS_PER_IMAGE_KV_CACHE, "model.blockSize")
                    .plot(SamplingSpeedMetrics.KV_CACHE_SPEEDUP, "model.blockSize"))
            .preset("quick", p -> p.sampler(Acdit.TYPE, s -> s.steps(2)).sample(s -> s.batch(4)))
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.data(d -> d.name("synthetic-shapes").size(8))
                    .model(Acdit.TYPE, m -> m.width(16).depth(1).heads(2))
                    .sweep(s -> s.cases(blocks(2, 16), blocks(2, 4)))
                    .sampler(Acdit.TYPE, s -> s.steps(2)).sample(s -> s.batch(4))));

    private InferenceScaling() {
    }
}
