package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/**
 * The paper's video setting (16-frame UCF-101, blocks of whole frames) on Moving MNIST: 8-frame clips of 16×16
 * frames at patch 4 are 8 × 16 tokens; blocks of 1, 2, 4 and 8 frames (16, 32, 64, 128 tokens) give AR lengths
 * 8, 4, 2 and 1 (one block = a video DiT). The paper finds AR length matters little for video; this measures it
 * with the per-frame FID, the clip-level Fréchet distance (an FVD analogue) and class agreement, all with the
 * feature network trained on Moving-MNIST frames, and compares each AR length with the video DiT seed by seed
 * (same initial weights and data order). Data, model and recipe: {@link VideoScale}.
 */
public final class VideoTradeoff {

    public static final String NAME = "video-tradeoff";

    private VideoTradeoff() {
    }

    public static ExperimentDefinition definition() {
        return Experiment.define(NAME, e -> e
                .description("AR length for video (frames per block 1, 2, 4, 8 of 8-frame Moving-MNIST clips): "
                        + "per-frame FID, clip Fréchet distance, class agreement and sampling time.")
                .data(VideoScale::data)
                .model(VideoScale::model)
                .train(VideoScale::train)
                .sample(VideoScale::sample)
                .sweep(s -> s.grid("model.blockSize", 16, 32, 64, 128).seeds(0, 1, 2))
                .evaluate(v -> v.use("fid").use("frame-fid").use("clip-fd").use("class-agreement")
                        .use("sampling-speed").samples(500).guidances(1.5))
                .track(VideoScale::track)
                .report(r -> r.plot("frame-fid/cfg1.5", "model.blockSize").plot("clip-fd/cfg1.5", "model.blockSize")
                        .plot("class-agreement/cfg1.5", "model.blockSize")
                        .plot("sampling-speed.secondsPerImage.kvCache", "model.blockSize")
                        .byFrame("frame-fid")
                        .progress("class-agreement/cfg1.5", "frame-fid/cfg1.5")
                        .pairedBySeed("model.blockSize", "128", "frame-fid/cfg1.5", "clip-fd/cfg1.5",
                                "class-agreement/cfg1.5")
                        .metrics("fid/cfg1.5", "frame-fid/cfg1.5", "clip-fd/cfg1.5", "class-agreement/cfg1.5",
                                "sampling-speed.secondsPerImage.kvCache", "train.imagesSeen"))
                .preset("quick", "train.steps=300", "sweep.seeds=0", "sample.steps=10", "evaluate.samples=100",
                        "track.evaluateEvery=0")
                .preset("standard", "train.steps=2000", "sweep.seeds=0,1,2", "evaluate.samples=300")
                .preset("paper", VideoScale.paper("model.width=1152", "model.depth=28",
                        "model.heads=16", "model.patch=4", "sweep.grid.model.blockSize=256,512,1024,2048,4096",
                        "train.steps=400000", "train.batch=256", "train.lr=1e-4", "train.ema=0.9999",
                        "evaluate.samples=10000"))
                .preset("smoke", "model.width=12", "model.depth=1", "model.heads=1", "model.patch=8",
                        "sweep.grid.model.blockSize=4,32", "sweep.seeds=0", "train.steps=3", "train.batch=4",
                        "train.warmupSteps=0", "sample.steps=2", "sample.batch=16", "evaluate.samples=16",
                        "evaluate.evaluators=frame-fid,clip-fd,class-agreement", "track.logEvery=1",
                        "track.evaluateEvery=0"));
    }
}
