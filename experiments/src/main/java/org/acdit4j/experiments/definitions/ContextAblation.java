package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/**
 * The context half of the paper's Fig. 6b: the Skip-Causal mask lets noised blocks attend the clean copies of
 * earlier blocks; the ablation feeds those copies noised instead. Both at AR length 4 (block 16 of 64 tokens;
 * block 4 of 16 tokens in the CPU-sized presets). The clean-context arm of {@code standard} is the block-size
 * trade-off's patch-4 block-4 training, which a shared runs folder reuses (track.reuseTraining).
 */
public final class ContextAblation {

    public static final String NAME = "context-ablation";

    private ContextAblation() {
    }

    public static ExperimentDefinition definition() {
        return Experiment.define(NAME, e -> e
                .description("Clean vs noisy context (ACDiT Fig. 6b) at AR length 4: FID, precision/recall and class "
                        + "agreement.")
                .data(d -> d.name("fashion-mnist").size(32))
                .model(m -> m.name("acdit").width(64).depth(3).heads(4).patch(4).blockSize(16))
                .train(t -> t.steps(3000).batch(64).lr(1e-3).warmupSteps(100).schedule("wsd").ema(0.999)
                        .lossWeighting("min-snr"))
                .sample(s -> s.solver("ddim").steps(25).guidance(1.5))
                .sweep(s -> s.grid("model.context", "clean", "noisy").seeds(0, 1, 2))
                .evaluate(v -> v.use("fid").use("precision-recall").use("class-agreement").samples(1000)
                        .guidances(1.0, 1.5))
                .track(t -> t.logEvery(25).checkpointEvery(250))
                .report(r -> r.plot("fid/cfg1.5", "model.context").plot("class-agreement/cfg1.5", "model.context")
                        .progress("class-agreement/cfg1.5", "fid/cfg1.5").metrics(ImageQualityMetrics.TABULATED)
                        .pairedBySeed("model.context", "clean", ImageQualityMetrics.COMPARED))
                .preset("quick", CpuScale.standard("model.blockSize=4", "train.steps=600", "sweep.seeds=0",
                        "sample.steps=10", "evaluate.samples=200", "track.evaluateEvery=0"))
                .preset("standard", CpuScale.standard("model.blockSize=4", "train.steps=3000", "sweep.seeds=0,1,2"))
                .preset("smoke", "data.name=synthetic-shapes", "data.size=8", "model.patch=2", "model.width=16",
                        "model.depth=1", "model.heads=2", "model.blockSize=4", "sweep.seeds=0", "train.steps=4",
                        "train.batch=8", "train.warmupSteps=0", "sample.steps=2", "sample.batch=16",
                        "evaluate.evaluators=sampling-speed", "evaluate.samples=16"));
    }
}
