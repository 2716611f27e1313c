package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/**
 * The paper's Table 3 at CPU scale: how well the clean stream of a generatively trained ACDiT represents
 * images, by a linear probe on frozen mean-pooled features and by a short fine-tune with a classification
 * head, at AR lengths 4, 16 and 64 against full-sequence diffusion (AR length 1) and raw pixels (the
 * linear probe's reference point). The CPU-sized presets use 16×16 images (16 tokens: AR lengths 1, 4, 16);
 * {@code standard} trains exactly the patch-4 models of the block-size trade-off's {@code standard} preset
 * ({@link CpuScale}), so in one runs folder it reuses their trainings (track.reuseTraining).
 */
public final class Understanding {

    public static final String NAME = "understanding";

    private Understanding() {
    }

    public static ExperimentDefinition definition() {
        return Experiment.define(NAME, e -> e
                .description("Understanding (ACDiT Table 3): linear-probe and fine-tune accuracy of the clean-stream "
                        + "features against block size, with the raw-pixel probe as reference.")
                .data(d -> d.name("fashion-mnist").size(32))
                .model(m -> m.name("acdit").width(64).depth(3).heads(4).patch(4))
                .train(t -> t.steps(3000).batch(64).lr(1e-3).warmupSteps(100).schedule("wsd").ema(0.999)
                        .lossWeighting("min-snr"))
                .sweep(s -> s.grid("model.blockSize", 64, 16, 4, 1).seeds(0, 1, 2))
                .evaluate(v -> v.use("linear-probe").use("fine-tune").samples(5000))
                .track(t -> t.logEvery(25).checkpointEvery(250))
                .report(r -> r.plot("linear-probe.accuracy", "model.blockSize")
                        .plot("fine-tune.accuracy", "model.blockSize")
                        .plot("linear-probe.rawPixelAccuracy", "model.blockSize"))
                .preset("quick", "data.size=16", "sweep.grid.model.blockSize=16,4,1", "train.lr=2e-3",
                        "train.warmupSteps=100", "train.steps=300", "sweep.seeds=0", "evaluate.samples=2000")
                .preset("standard", CpuScale.standard("sweep.grid.model.blockSize=16,4,1", "train.steps=3000",
                        "sweep.seeds=0,1,2", "track.evaluateEvery=0", "track.evaluateWith=", "evaluate.samples=5000"))
                .preset("smoke", "data.name=synthetic-shapes", "data.size=8", "model.patch=2", "model.width=16",
                        "model.depth=1", "model.heads=2", "sweep.grid.model.blockSize=16,4", "sweep.seeds=0",
                        "train.steps=4", "train.batch=8", "train.warmupSteps=0", "evaluate.evaluators=linear-probe",
                        "evaluate.samples=64"));
    }
}
