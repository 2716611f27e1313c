package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.model.Acdit;

/**
 * What the two Fig. 6b ablations share: {@link CpuScale}'s model at AR length 4 (block 4 of 16 tokens), one swept
 * key whose first value is the paper's arm, image-quality metrics paired by seed against that arm, and the
 * {@code quick} and {@code smoke} presets. The baseline arm's training is the block-size trade-off's patch-4
 * block-4 run, reused in a shared runs folder.
 */
final class AblationAtArLength4 {

    private AblationAtArLength4() {
    }

    /** The ablation of {@code key} over {@code baseline} and the {@code others}. */
    static Customizer<ExperimentBuilder> arms(String key, String baseline, String... others) {
        Object[] values = new Object[others.length + 1];
        values[0] = baseline;
        System.arraycopy(others, 0, values, 1, others.length);
        return e -> e.with(CpuScale::images)
                .model(Acdit.TYPE, m -> m.blockSize(4))
                .sweep(s -> s.grid(key, values).seeds(0, 1, 2))
                .evaluate(v -> v.use("fid").use("precision-recall").use("class-agreement").use("memorisation")
                        .guidances(1.0, 1.5))
                .report(r -> r.headline(ClassAgreementMetrics.at(1.5), HIGHER_IS_BETTER)
                        .plot(FidMetrics.at(1.5), key).plot(ClassAgreementMetrics.at(1.5), key)
                        .progress(ClassAgreementMetrics.at(1.5), FidMetrics.at(1.5))
                        .metrics(ImageQualityMetrics.TABULATED)
                        .pairedBySeed(key, baseline, ImageQualityMetrics.COMPARED))
                .preset("quick", CpuScale::quick)
                .preset("standard", Customizer.withDefaults())
                .preset("smoke", AblationAtArLength4::smoke);
    }

    /** The {@code smoke} preset: {@link CpuScale#smoke} at block 4, timing only. */
    static void smoke(ExperimentBuilder p) {
        p.with(CpuScale::smoke).model(Acdit.TYPE, m -> m.blockSize(4)).evaluate(v -> v.evaluators("sampling-speed"));
    }
}
