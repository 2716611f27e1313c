package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.video.FrameFidMetrics;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.model.Acdit;
import org.acdit4j.model.diffusion.LossWeighting;
import org.acdit4j.model.diffusion.Solver;

/**
 * The data, model, training, sampling and tracking shared by the video experiments at CPU scale: 8-frame
 * Moving-MNIST clips of 16×16 frames with a 12-pixel digit, patch 4 (16 tokens of 16 values per frame, 128 per
 * clip), width 72 with 2 heads (a head dim of 36 splits into the three RoPE axes), 2,000 steps of 16 clips. Each
 * frame is then the geometry the image experiments train well ({@link CpuScale}: a 4×4 grid of 4×4 tokens over a
 * digit filling most of the frame). The 32×32 frames at patch 8 (64-value tokens, a 14-pixel digit on 4% of
 * the pixels) drew only background after 32,000 clips, and patch 4 at 32×32 would need four times the tokens (512
 * per clip); the {@code paper} presets keep 64×64. Being identical, {@code long-horizon} reuses the trainings of
 * {@code video-tradeoff} in a shared runs folder (track.reuseTraining).
 */
final class VideoScale {

    private VideoScale() {
    }

    /** The video experiments' bodies; per-frame FID and class agreement on 100 clips every 500 steps. */
    static void clips(ExperimentBuilder e) {
        e.data(d -> d.name("moving-mnist").size(16).digitSize(12).frames(8).digits(1))
                .model(Acdit.TYPE, m -> m.width(72).depth(3).heads(2).patch(4).blockSize(16)
                        .lossWeighting(LossWeighting.MIN_SNR))
                .train(t -> t.steps(2000).batch(16).lr(2e-3).warmupSteps(200).schedule(LearningRateSchedule.WSD)
                        .ema(0.995))
                .sampler(Acdit.TYPE, s -> s.solver(Solver.DDIM).steps(25))
                .sample(s -> s.guidance(1.5).batch(50))
                .sweep(s -> s.seeds(0, 1, 2))
                .track(t -> t.logEvery(25).checkpointEvery(250).evaluateEvery(500)
                        .evaluateWith("frame-fid", "class-agreement").evaluateSamples(100));
    }

    /**
     * The recipe under which the video models draw the digits asked for (results/README.md, "Batch and learning rate
     * for video": class agreement 0.44 at guidance 2.5 after 2,000 steps, one seed): width 96 with 4 heads (a head dim
     * of 24 splits into the three RoPE axes) under {@link CpuScale#converging}'s flow recipe at half its learning rate,
     * 4e-3, sampled at the paper's video guidance 2.5.
     */
    static void converged(ExperimentBuilder e) {
        e.with(CpuScale::converging)
                .model(Acdit.TYPE, m -> m.width(96).heads(4))
                .train(t -> t.lr(4e-3))
                .sample(s -> s.guidance(2.5));
    }

    /**
     * What the video probes measure: sampled at the paper's video guidance 2.5, class agreement and per-frame FID on
     * 300 clips at guidance 1.5 and 2.5 at the end and their curves while training, the headline class agreement at
     * 2.5.
     */
    static void learningCurves(ExperimentBuilder e) {
        e.sample(s -> s.guidance(2.5))
                .evaluate(v -> v.use("frame-fid").use("class-agreement").samples(300).guidances(1.5, 2.5))
                .report(r -> r.headline(ClassAgreementMetrics.at(2.5), HIGHER_IS_BETTER)
                        .progress(ClassAgreementMetrics.at(2.5), FrameFidMetrics.at(2.5))
                        .metrics(ClassAgreementMetrics.at(1.5), ClassAgreementMetrics.at(2.5), FrameFidMetrics.at(1.5),
                                FrameFidMetrics.at(2.5), RunMetrics.IMAGES_SEEN, RunMetrics.TRAIN_FLOPS));
    }

    /** A {@code quick} preset: one seed of 300 steps, 10 solver steps. */
    static void quick(ExperimentBuilder p) {
        p.train(t -> t.steps(300)).sweep(s -> s.seeds(0)).sampler(Acdit.TYPE, s -> s.steps(10));
    }

    /** A {@code smoke} preset for tests: a one-layer width-12 model at patch 8 (4 tokens per frame), 3 steps of 4 clips. */
    static void smoke(ExperimentBuilder p) {
        p.model(Acdit.TYPE, m -> m.width(12).depth(1).heads(1).patch(8))
                .sweep(s -> s.seeds(0))
                .train(t -> t.steps(3).batch(4).warmupSteps(0))
                .sampler(Acdit.TYPE, s -> s.steps(2))
                .sample(s -> s.batch(16))
                .track(t -> t.logEvery(1));
    }

    /** The original Moving MNIST's 64×64 frames with its default digit size, 16 frames, at GPU scale. */
    static void paperScale(ExperimentBuilder p) {
        p.data(d -> d.size(64).digitSize(0).frames(16))
                .model(Acdit.TYPE, m -> m.width(1152).depth(28).heads(16).patch(4))
                .train(t -> t.steps(400_000).batch(256).lr(1e-4).ema(0.9999))
                .evaluate(v -> v.samples(10_000));
    }
}
