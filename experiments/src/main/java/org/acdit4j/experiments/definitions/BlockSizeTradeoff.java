package org.acdit4j.experiments.definitions;

import static org.acdit4j.experiments.definitions.AcditCases.blocks;
import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.evaluators.memorisation.MemorisationMetrics;
import org.acdit4j.evaluators.precisionrecall.PrecisionRecallMetrics;
import org.acdit4j.evaluators.speed.SamplingSpeedMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;

/**
 * The paper's Fig. 4 at CPU scale: image quality and sampling time against block size. The body (also the
 * {@code standard} preset, what results/ holds) uses {@link CpuScale}'s 16×16 digits and its converging flow recipe
 * (the discrete-token AR arm keeps the optimizer settings it converged with): patch 4 = 16 tokens (block
 * sizes 16, 4, 1 = AR lengths 1, 4, 16), patch 8 = 4 tokens (block sizes 4, 1) of 64 values each, which a width-64
 * model never learned to draw (results/README.md): the patch-8 cases are width 128 with 8 heads, twice the token size
 * and the same 16 values per head. One block is full-sequence
 * diffusion (a DiT), one token per block is token-wise autoregression: the two endpoints are the baselines, and the
 * cases are named so. The {@code paper} preset is the 32×32 geometry (patch 4 = 64 tokens, patch 8 = 16) at GPU scale;
 * its cases and the {@code smoke} ones are labelled by the ACDiT plugin ({@code AR length 4 (patch 4, block 16)}).
 * The discrete-token AR arm has no block size, so the plots against block size leave it out; the plots by
 * configuration show it beside the ACDiT arms, and the equal-compute comparison of patch 4 includes it.
 */
public final class BlockSizeTradeoff {

    public static final ExperimentDefinition DEFINITION = Experiment.define("block-size-tradeoff", e -> e
            .description("AR vs diffusion (ACDiT Fig. 4): FID, precision/recall, class agreement and sampling time "
                    + "against block size. One block = full-sequence diffusion (DiT), one token per block = "
                    + "token-wise AR.")
            .with(CpuScale::images).with(CpuScale::converging)
            .sweep(s -> s.cases(blocks("DiT (AR length 1), patch 4", 4, 16),
                            blocks("AR length 4 (block 4), patch 4", 4, 4),
                            blocks("token-wise AR (AR length 16), patch 4", 4, 1),
                            blocks("DiT (AR length 1), patch 8, width 128", 8, 4, 128, 8),
                            blocks("token-wise AR (AR length 4), patch 8, width 128", 8, 1, 128, 8),
                            TokenArCases.discreteTokenAr("discrete-token AR, patch 4"))
                    .seeds(0, 1, 2))
            .evaluate(v -> v.use("fid").use("precision-recall").use("class-agreement").use("memorisation")
                    .use("sampling-speed").guidances(1.0, 1.5))
            .report(r -> r.axis(Acdit.AR_LENGTH).headline(ClassAgreementMetrics.at(1.5), HIGHER_IS_BETTER)
                    .plot(FidMetrics.at(1.0), "model.blockSize").plot(FidMetrics.at(1.5), "model.blockSize")
                    .plot(ClassAgreementMetrics.at(1.5), "model.blockSize")
                    .plot(SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE, "model.blockSize")
                    .byConfiguration(FidMetrics.at(1.5), ClassAgreementMetrics.at(1.5),
                            SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE)
                    .progress(ClassAgreementMetrics.at(1.5), FidMetrics.at(1.5)).equalComputeWithin("model.patch")
                    .metrics(ImageQualityMetrics.tabulatedWith(PrecisionRecallMetrics.precisionAt(1.0),
                            PrecisionRecallMetrics.recallAt(1.0), SamplingSpeedMetrics.SECONDS_PER_IMAGE,
                            SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE, SamplingSpeedMetrics.KV_CACHE_SPEEDUP,
                            FidMetrics.reconstructionAt(1.5), ClassAgreementMetrics.reconstructionAt(1.5),
                            MemorisationMetrics.tokenCopiesAt(1.5))))
            .preset("quick", p -> p.with(CpuScale::quick).train(t -> t.steps(1000))
                    .sweep(s -> s.cases(blocks("DiT (AR length 1)", 4, 16), blocks("AR length 4 (block 4)", 4, 4),
                            blocks("token-wise AR (AR length 16)", 4, 1)))
                    .sample(s -> s.batch(50)).track(t -> t.checkpointEvery(100).evaluateEvery(200)))
            .preset("standard", Customizer.withDefaults())
            .preset("paper", p -> p.with(CpuScale::paperScale)
                    .sweep(s -> s.cases(blocks(4, 64), blocks(4, 16), blocks(4, 4), blocks(4, 1), blocks(8, 16),
                            blocks(8, 4), blocks(8, 1))))
            .preset("smoke", p -> p.with(CpuScale::smoke)
                    .sweep(s -> s.cases(blocks(2, 16), blocks(2, 4),
                            TokenArCases.smokeTokenAr("discrete-token AR")))
                    .train(t -> t.steps(6).warmupSteps(2))
                    .evaluate(v -> v.evaluators("sampling-speed"))
                    .report(r -> r.byConfiguration(SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE))
                    .track(t -> t.logEvery(2).checkpointEvery(3))));

    private BlockSizeTradeoff() {
    }
}
