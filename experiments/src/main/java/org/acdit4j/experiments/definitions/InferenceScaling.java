package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/**
 * The paper's Fig. 5 at CPU scale: sampling time against AR length for sequences of 64, 256 and 1024 tokens
 * (32×32 images at patch 4, 2 and 1), with and without the KV-cache, next to the analytic FLOPs per image.
 * AR length = tokens / block size. Sampling time does not depend on the weights, so the models train for a
 * few steps only; the experiment measures time, not quality. One seed: each time is the median of repeated
 * calls (the sampling-speed evaluator), not a mean across seeds.
 */
public final class InferenceScaling {

    public static final String NAME = "inference-scaling";

    private InferenceScaling() {
    }

    public static ExperimentDefinition definition() {
        return Experiment.define(NAME, e -> e
                .description("Inference cost (ACDiT Fig. 5): seconds and GFLOPs per sampled image against AR length "
                        + "at 64, 256 and 1024 tokens, with and without the KV-cache. Briefly trained weights: "
                        + "time only.")
                .data(d -> d.name("mnist").size(32))
                .model(m -> m.name("acdit").width(64).depth(3).heads(4).patch(4))
                .train(t -> t.steps(2).batch(2).warmupSteps(0))
                .sample(s -> s.solver("ddim").steps(10).guidance(1.5).batch(8))
                .sweep(s -> s.cases(
                        "model.patch=4 model.blockSize=64", "model.patch=4 model.blockSize=16",
                        "model.patch=4 model.blockSize=4", "model.patch=4 model.blockSize=1",
                        "model.patch=2 model.blockSize=256", "model.patch=2 model.blockSize=64",
                        "model.patch=2 model.blockSize=16", "model.patch=2 model.blockSize=4",
                        "model.patch=1 model.blockSize=1024", "model.patch=1 model.blockSize=256",
                        "model.patch=1 model.blockSize=64", "model.patch=1 model.blockSize=16").seeds(0))
                .evaluate(v -> v.use("sampling-speed").guidances(1.5))
                .track(t -> t.logEvery(1).checkpointEvery(2))
                .report(r -> r.plot("sampling-speed.secondsPerImage.kvCache", "model.blockSize")
                        .plot("sampling-speed.secondsPerImage", "model.blockSize")
                        .plot("sampling-speed.gflopsPerImage.kvCache", "model.blockSize")
                        .plot("sampling-speed.kvCacheSpeedup", "model.blockSize"))
                .preset("quick", "sample.steps=2", "sample.batch=4")
                .preset("standard", "sample.steps=10", "sample.batch=8")
                .preset("smoke", "data.name=synthetic-shapes", "data.size=8", "model.width=16", "model.depth=1",
                        "model.heads=2",
                        "sweep.cases=model.patch=2 model.blockSize=16; model.patch=2 model.blockSize=4",
                        "sample.steps=2", "sample.batch=4"));
    }
}
