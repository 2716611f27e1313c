package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.evaluators.speed.SamplingSpeedMetrics;
import org.acdit4j.evaluators.video.ClipFrechetDistanceMetrics;
import org.acdit4j.evaluators.video.FrameFidMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.spec.MetricName;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.model.Acdit;

/**
 * The paper's video setting (16-frame UCF-101, blocks of whole frames) on Moving MNIST: 8-frame clips of 16×16
 * frames at patch 4 are 8 × 16 tokens; blocks of 1, 2, 4 and 8 frames (16, 32, 64, 128 tokens) give AR lengths
 * 8, 4, 2 and 1 (one block = a video DiT). The paper finds AR length matters little for video; this measures it
 * with the per-frame FID, the clip-level Fréchet distance (an FVD analogue) and class agreement, all with the
 * feature network trained on Moving-MNIST frames, and compares each AR length with the video DiT seed by seed
 * (same initial weights and data order). Data, model and recipe: {@link VideoScale}; the body is the
 * {@code standard} preset.
 */
public final class VideoTradeoff {

    private static final MetricName[] PAIRED = {FrameFidMetrics.at(2.5), ClipFrechetDistanceMetrics.at(2.5),
            ClassAgreementMetrics.at(2.5)};

    public static final ExperimentDefinition DEFINITION = Experiment.define("video-tradeoff", e -> e
            .description("AR length for video (frames per block 1, 2, 4, 8 of 8-frame Moving-MNIST clips): "
                    + "per-frame FID, clip Fréchet distance, class agreement and sampling time.")
            .with(VideoScale::clips)
            .with(VideoScale::converged)
            .sweep(s -> s.grid("model.blockSize", 16, 32, 64, 128))
            .evaluate(v -> v.use("fid").use("frame-fid").use("clip-fd").use("class-agreement")
                    .use("sampling-speed").samples(300).guidances(1.5, 2.5))
            .report(r -> r.axis(Acdit.AR_LENGTH).headline(ClassAgreementMetrics.at(2.5), HIGHER_IS_BETTER)
                    .plot(FrameFidMetrics.at(2.5), "model.blockSize")
                    .plot(ClipFrechetDistanceMetrics.at(2.5), "model.blockSize")
                    .plot(ClassAgreementMetrics.at(2.5), "model.blockSize")
                    .plot(SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE, "model.blockSize")
                    .byFrame(FrameFidMetrics.PER_FRAME)
                    .progress(ClassAgreementMetrics.at(2.5), FrameFidMetrics.at(2.5))
                    .pairedBySeed("model.blockSize", "128", PAIRED)
                    .metrics(FidMetrics.at(2.5), FrameFidMetrics.at(2.5), ClipFrechetDistanceMetrics.at(2.5),
                            ClassAgreementMetrics.at(2.5), ClassAgreementMetrics.at(1.5),
                            SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE, RunMetrics.IMAGES_SEEN))
            .preset("quick", p -> p.with(VideoScale::quick).evaluate(v -> v.samples(100))
                    .track(t -> t.evaluateEvery(0)))
            .preset("standard", Customizer.withDefaults())
            .preset("paper", p -> p.with(VideoScale::paperScale)
                    .sweep(s -> s.grid("model.blockSize", 256, 512, 1024, 2048, 4096))
                    .report(r -> r.pairedBySeed("model.blockSize", "4096", PAIRED)))
            .preset("smoke", p -> p.with(VideoScale::smoke)
                    .sweep(s -> s.grid("model.blockSize", 4, 32))
                    .evaluate(v -> v.evaluators("frame-fid", "clip-fd", "class-agreement").samples(16))
                    .track(t -> t.evaluateEvery(0))
                    .report(r -> r.pairedBySeed("model.blockSize", "32", PAIRED))));

    private VideoTradeoff() {
    }
}
