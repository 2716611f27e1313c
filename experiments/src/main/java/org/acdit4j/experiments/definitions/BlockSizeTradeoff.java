package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/**
 * The paper's Fig. 4 at CPU scale: image quality and sampling time against block size. 32×32 images at
 * patch 4 are 64 tokens (block sizes 64, 16, 4, 1 = AR lengths 1, 4, 16, 64), at patch 8 16 tokens (block
 * sizes 16, 4, 1). One block is full-sequence diffusion (a DiT), one token per block is token-wise
 * autoregression: the two endpoints are the baselines. The {@code quick} and {@code standard} presets use the
 * CPU-sized geometry of {@link CpuScale} (16×16 digits: patch 4 = 16 tokens, patch 8 = 4 tokens).
 */
public final class BlockSizeTradeoff {

    public static final String NAME = "block-size-tradeoff";

    private BlockSizeTradeoff() {
    }

    public static ExperimentDefinition definition() {
        return Experiment.define(NAME, e -> e
                .description("AR vs diffusion (ACDiT Fig. 4): FID, precision/recall, class agreement and sampling time "
                        + "against block size. One block = full-sequence diffusion (DiT), one token per block = "
                        + "token-wise AR.")
                .data(d -> d.name("fashion-mnist").size(32))
                .model(m -> m.name("acdit").width(64).depth(3).heads(4).patch(4))
                .train(t -> t.steps(3000).batch(64).lr(1e-3).warmupSteps(100).schedule("wsd").ema(0.999)
                        .lossWeighting("min-snr"))
                .sample(s -> s.solver("ddim").steps(25).guidance(1.5))
                .sweep(s -> s.cases("model.patch=4 model.blockSize=64", "model.patch=4 model.blockSize=16",
                        "model.patch=4 model.blockSize=4", "model.patch=4 model.blockSize=1",
                        "model.patch=8 model.blockSize=16", "model.patch=8 model.blockSize=4",
                        "model.patch=8 model.blockSize=1").seeds(0, 1, 2))
                .evaluate(v -> v.use("fid").use("precision-recall").use("class-agreement").use("sampling-speed")
                        .samples(1000).guidances(1.0, 1.5))
                .track(t -> t.logEvery(25).checkpointEvery(250))
                .report(r -> r.plot("fid/cfg1.0", "model.blockSize").plot("fid/cfg1.5", "model.blockSize")
                        .plot("class-agreement/cfg1.5", "model.blockSize")
                        .plot("sampling-speed.secondsPerImage.kvCache", "model.blockSize")
                        .progress("class-agreement/cfg1.5", "fid/cfg1.5").equalComputeWithin("model.patch")
                        .metrics(ImageQualityMetrics.tabulatedWith("precision-recall.precision/cfg1.0",
                                "precision-recall.recall/cfg1.0", "sampling-speed.secondsPerImage",
                                "sampling-speed.secondsPerImage.kvCache", "sampling-speed.kvCacheSpeedup")))
                .preset("quick", CpuScale.standard("sweep.cases=model.patch=4 model.blockSize=16; "
                        + "model.patch=4 model.blockSize=4; model.patch=4 model.blockSize=1", "train.steps=600",
                        "sweep.seeds=0", "sample.steps=10", "sample.batch=50", "evaluate.samples=200",
                        "track.evaluateEvery=0", "track.checkpointEvery=100"))
                .preset("standard", CpuScale.standard("sweep.cases=model.patch=4 model.blockSize=16; "
                        + "model.patch=4 model.blockSize=4; model.patch=4 model.blockSize=1; "
                        + "model.patch=8 model.blockSize=4; model.patch=8 model.blockSize=1",
                        "train.steps=3000", "sweep.seeds=0,1,2"))
                .preset("paper", "model.width=1024", "model.depth=24", "model.heads=16",
                        "train.steps=400000", "train.batch=256", "train.lr=3e-4", "train.lossWeighting=uniform",
                        "train.ema=0.9999", "evaluate.samples=10000")
                .preset("smoke", "data.name=synthetic-shapes", "data.size=8", "model.width=16",
                        "model.depth=1", "model.heads=2", "sweep.cases=model.patch=2 model.blockSize=16; "
                        + "model.patch=2 model.blockSize=4", "sweep.seeds=0",
                        "train.steps=6", "train.batch=8", "train.warmupSteps=2", "sample.steps=2", "sample.batch=16",
                        "evaluate.evaluators=sampling-speed", "evaluate.samples=16", "track.logEvery=2",
                        "track.checkpointEvery=3"));
    }
}
