package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;

/**
 * Does the AR-vs-diffusion ranking depend on the diffusion objective? The paper's ε-prediction against v-prediction
 * and flow matching ({@code model.objective}), each at AR lengths 1, 4 and 16 (block sizes 16, 4, 1 of
 * {@link CpuScale}'s 16 tokens at patch 4), under {@link CpuScale#converging}'s optimizer settings and the plain
 * (uniform) loss of each target, so the objective is the only difference between arms of one AR length. The same
 * DDIM sampler serves all three (on the flow's straight path it is exactly Euler). The report compares AR lengths at
 * equal steps and, within each objective, at equal training compute, and each objective with ε seed by seed. The
 * evaluations every 250 steps give the curves of the recipe search: the steps each arm needs to a class agreement.
 */
public final class ObjectiveAblation {

    public static final ExperimentDefinition DEFINITION = Experiment.define("objective-ablation", e -> e
            .description("ε vs v vs flow matching (model.objective) × AR length 1, 4, 16 at patch 4: FID, "
                    + "precision/recall and class agreement at equal steps and equal compute; does the ranking of "
                    + "AR lengths depend on the objective?")
            .with(CpuScale::images).with(CpuScale::converging)
            .sweep(s -> s.grid("model.objective", "epsilon", "v", "flow").grid("model.blockSize", 16, 4, 1)
                    .seeds(0, 1, 2))
            .train(t -> t.steps(1500))
            .track(t -> t.evaluateEvery(250))
            .evaluate(v -> v.use("fid").use("precision-recall").use("class-agreement").use("memorisation")
                    .guidances(1.0, 1.5))
            .report(r -> r.axis(Acdit.AR_LENGTH).headline(ClassAgreementMetrics.at(1.5), HIGHER_IS_BETTER)
                    .plot(FidMetrics.at(1.5), "model.blockSize")
                    .plot(ClassAgreementMetrics.at(1.5), "model.blockSize")
                    .progress(ClassAgreementMetrics.at(1.5), FidMetrics.at(1.5))
                    .equalComputeWithin("model.objective")
                    .metrics(ImageQualityMetrics.TABULATED)
                    .pairedBySeed("model.objective", "epsilon", ImageQualityMetrics.COMPARED))
            .preset("quick", CpuScale::quick)
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(CpuScale::smoke)
                    .sweep(s -> s.grid("model.objective", "epsilon", "flow").grid("model.blockSize", 4))
                    .evaluate(v -> v.evaluators("sampling-speed"))));

    private ObjectiveAblation() {
    }
}
