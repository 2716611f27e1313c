package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.evaluators.memorisation.MemorisationMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.tokenar.TokenAr;

/**
 * The probe behind the token-AR sampler's defaults (issue 16): one token-AR model at the block-size-tradeoff arm's
 * settings ({@link CpuScale}'s data and recipe, patch 4, width 64, depth 3, 4 heads, 512 codes), trained for 2,000 of
 * the recipe's 3,000 steps, sampled at temperature 0.7, 0.85, 1.0 crossed with top-k 0 (all codes), 16, 64, 256, each
 * at guidance 1.0 and 1.5 and scored by FID, class agreement and memorisation (exact token copies among them) on 500
 * samples. The configurations differ in
 * {@code sample.*} only, so the first run trains and every other one starts from its final checkpoint
 * ({@code track.reuseTraining}). The body is the {@code standard} preset (what results/token-ar-sampling/ holds);
 * docs/TOKEN_AR.md has the table.
 */
public final class TokenArSampling {

    public static final ExperimentDefinition DEFINITION = Experiment.define("token-ar-sampling", e -> e
            .description("Token-AR sampling probe: class agreement and FID of one trained token-AR model against "
                    + "temperature and top-k, at guidance 1.0 and 1.5 (the sampler's defaults come from it).")
            .with(CpuScale::images)
            .model(TokenAr.TYPE, m -> m.width(64).depth(3).heads(4).patch(4))
            .train(t -> t.steps(2000))
            .sweep(s -> s.grid("sample.temperature", 0.7, 0.85, 1.0).grid("sample.topK", 0, 16, 64, 256).seeds(0))
            .evaluate(v -> v.evaluators("fid", "class-agreement", "memorisation").guidances(1.0, 1.5).samples(500))
            .track(t -> t.evaluateEvery(0).evaluateWith().evaluateSamples(0))
            .report(r -> r.headline(ClassAgreementMetrics.at(1.5), HIGHER_IS_BETTER)
                    .plot(ClassAgreementMetrics.at(1.5), "sample.topK")
                    .plot(ClassAgreementMetrics.at(1.0), "sample.topK")
                    .plot(FidMetrics.at(1.5), "sample.topK").plot(FidMetrics.at(1.0), "sample.topK")
                    .metrics(ClassAgreementMetrics.at(1.0), ClassAgreementMetrics.at(1.5), FidMetrics.at(1.0),
                            FidMetrics.at(1.5),
                            MemorisationMetrics.nearerThanTestP5At(1.5), MemorisationMetrics.medianRatioAt(1.5),
                            MemorisationMetrics.tokenCopiesAt(1.0), MemorisationMetrics.tokenCopiesAt(1.5)))
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(CpuScale::smoke)
                    .model(TokenAr.TYPE, m -> m.width(16).depth(1).heads(2).patch(2).codes(16))
                    .sweep(s -> s.grid("sample.temperature", 1.0).grid("sample.topK", 0, 4))
                    .evaluate(v -> v.evaluators("sampling-speed"))));

    private TokenArSampling() {
    }
}
