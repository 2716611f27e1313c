package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/**
 * Generation past the trained clip length: trained on 8-frame Moving-MNIST clips, each model rolls out 32 frames
 * block by block, keeping only the last frames of context in the KV-cache (as many as keep every attention offset
 * inside the trained clip). Quality against frame index (per-frame FID against real frames, class agreement) shows
 * whether the digit and its motion survive beyond the trained range. Blocks of 1 and 2 frames; the models are
 * those of {@code video-tradeoff} ({@link VideoScale}), whose trainings a shared runs folder reuses.
 */
public final class LongHorizon {

    public static final String NAME = "long-horizon";

    private LongHorizon() {
    }

    public static ExperimentDefinition definition() {
        return Experiment.define(NAME, e -> e
                .description("Rollouts to 4x the trained clip length with a bounded KV window: per-frame FID and "
                        + "class agreement against frame index.")
                .data(VideoScale::data)
                .model(VideoScale::model)
                .train(VideoScale::train)
                .sample(VideoScale::sample)
                .sweep(s -> s.grid("model.blockSize", 16, 32).seeds(0, 1, 2))
                .evaluate(v -> v.use("rollout").samples(200))
                .track(t -> t.logEvery(25).checkpointEvery(250))
                .report(r -> r.plot("rollout.fid.beyond", "model.blockSize")
                        .plot("rollout.class-agreement.beyond", "model.blockSize")
                        .byFrame("rollout.fid", "rollout.class-agreement")
                        .metrics("rollout.fid.trained", "rollout.fid.beyond", "rollout.class-agreement.trained",
                                "rollout.class-agreement.beyond", "rollout.window", "train.imagesSeen"))
                .preset("quick", "train.steps=300", "sweep.seeds=0", "sample.steps=10", "evaluate.samples=50")
                .preset("standard", "train.steps=2000", "sweep.seeds=0,1,2", "evaluate.samples=100")
                .preset("smoke", "model.width=12", "model.depth=1", "model.heads=1", "model.patch=8",
                        "sweep.grid.model.blockSize=4,8", "sweep.seeds=0", "train.steps=3", "train.batch=4",
                        "train.warmupSteps=0", "sample.steps=2", "sample.batch=16", "evaluate.samples=12",
                        "track.logEvery=1"));
    }
}
