package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.LOWER_IS_BETTER;

import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.evaluators.memorisation.MemorisationMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.spec.RunMetrics;

/**
 * Whether a larger training set removes the memorisation that the discrete-token AR arm of
 * {@code block-size-tradeoff} shows on MNIST (9,000 training digits: 2–3% of its samples repeat a training image's
 * code sequence, against 0.2% of test images): the same two arms, the token-AR model and ACDiT at AR length 4
 * (block 4), trained with the same recipes on Fashion-MNIST's 60,000 training images at the same 16×16 geometry,
 * three seeds. The memorisation evaluator compares every sample with all 60,000 training images; FID and class
 * agreement use the {@code fashion-mnist-16} feature network.
 */
public final class FashionMemorisation {

    public static final ExperimentDefinition DEFINITION = Experiment.define("fashion-memorisation", e -> e
            .description("Memorisation on a training set 6.7 times larger: the discrete-token AR model and ACDiT "
                    + "at AR length 4 on 16×16 Fashion-MNIST (60,000 training images), exact code copies and "
                    + "nearest-training distances against held-out test images, beside FID and class agreement.")
            .with(CpuScale::images).with(CpuScale::converging)
            .data(d -> d.name("fashion-mnist"))
            .sweep(s -> s.cases(AcditCases.blocks("AR length 4 (block 4), patch 4", 4, 4),
                            TokenArCases.discreteTokenAr("discrete-token AR, patch 4"))
                    .seeds(0, 1, 2))
            .evaluate(v -> v.use("fid").use("class-agreement").use("memorisation").guidances(1.0, 1.5))
            .report(r -> r.headline(MemorisationMetrics.nearerThanTestP5At(1.5), LOWER_IS_BETTER)
                    .progress(ClassAgreementMetrics.at(1.5), FidMetrics.at(1.5))
                    .metrics(FidMetrics.at(1.5), ClassAgreementMetrics.at(1.5),
                            MemorisationMetrics.nearerThanTestP5At(1.5), MemorisationMetrics.medianRatioAt(1.5),
                            MemorisationMetrics.pixelCopiesAt(1.5), MemorisationMetrics.tokenCopiesAt(1.5),
                            MemorisationMetrics.testTokenCopiesAt(1.5), RunMetrics.IMAGES_SEEN))
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(CpuScale::smoke)
                    .sweep(s -> s.cases(AcditCases.blocks("AR length 4", 2, 4), TokenArCases.smokeTokenAr("discrete-token AR")))
                    .evaluate(v -> v.evaluators("memorisation"))
                    .report(r -> r.headline(MemorisationMetrics.nearerThanTestP5At(1.5),
                            LOWER_IS_BETTER)
                            .metrics(MemorisationMetrics.nearerThanTestP5At(1.5)))));

    private FashionMemorisation() {
    }
}
