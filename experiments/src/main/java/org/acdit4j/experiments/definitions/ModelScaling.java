package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.evaluators.speed.SamplingSpeedMetrics;
import org.acdit4j.framework.dsl.CaseBuilder;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.ReportSection;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.MetricName;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.model.Acdit;

/**
 * The paper's Fig. 6a at CPU scale: does the quality gap between AR lengths shrink as the model grows? Four widths
 * of {@link CpuScale}'s three-layer model (32, 64, 128, 256 with 2, 4, 8, 16 heads: 16 values per head throughout),
 * each as the DiT (block 16 = AR length 1) and at AR length 4 (block 4), three seeds, all under
 * {@link CpuScale#converging}'s flow recipe for 1,500 steps. The width-64 arms are the objective ablation's flow
 * trainings, which a shared runs folder reuses (track.reuseTraining). The gap is AR length 4 − DiT
 * paired by seed within each width, at equal steps (the final metrics) and at equal compute (the evaluations while
 * training); the parameter count of every run is tabulated beside its training FLOPs, and the gaps in FID and class
 * agreement are plotted against parameters and against training FLOPs.
 */
public final class ModelScaling {

    public static final ExperimentDefinition DEFINITION = Experiment.define("model-scaling", e -> e
            .description("Model size against the gap between AR lengths (ACDiT Fig. 6a): the DiT and AR length 4 "
                    + "at widths 32, 64, 128 and 256 under the converging flow recipe; FID, precision/recall and "
                    + "class agreement, paired by seed within each width.")
            .with(CpuScale::images).with(CpuScale::converging)
            .sweep(s -> s.cases(size(32, 2, 16), size(32, 2, 4), size(64, 4, 16), size(64, 4, 4), size(128, 8, 16),
                    size(128, 8, 4), size(256, 16, 16), size(256, 16, 4)).seeds(0, 1, 2))
            .train(t -> t.steps(1500))
            .track(t -> t.evaluateEvery(250))
            .evaluate(v -> v.use("fid").use("precision-recall").use("class-agreement").use("memorisation")
                    .guidances(1.0, 1.5))
            .report(r -> r.headline(ClassAgreementMetrics.at(1.5), HIGHER_IS_BETTER)
                    .plot(FidMetrics.at(1.5), "model.width").plot(ClassAgreementMetrics.at(1.5), "model.width")
                    .progress(ClassAgreementMetrics.at(1.5), FidMetrics.at(1.5)).equalComputeWithin("model.width")
                    .metrics(ImageQualityMetrics.tabulatedWith(RunMetrics.PARAMETERS))
                    .pairedBySeed("model.blockSize", "16", ImageQualityMetrics.COMPARED))
            .report(r -> gapAgainstSize(r, ComputeBasis.EQUAL_STEPS, FidMetrics.at(1.5),
                    ClassAgreementMetrics.at(1.5)))
            .report(r -> gapAgainstSize(r, ComputeBasis.EQUAL_COMPUTE, FidMetrics.at(1.5),
                    ClassAgreementMetrics.at(1.5)))
            .preset("quick", p -> p.with(CpuScale::quick))
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(CpuScale::smoke)
                    .sweep(s -> s.cases(size(16, 2, 16), size(24, 2, 4)))
                    .evaluate(v -> v.evaluators("sampling-speed"))
                    .report(r -> gapAgainstSize(r, ComputeBasis.EQUAL_STEPS,
                            SamplingSpeedMetrics.SECONDS_PER_IMAGE))));

    private ModelScaling() {
    }

    /**
     * The gap AR length 4 − DiT of {@code metrics} on {@code basis}, paired by seed within each width, plotted against
     * the compared runs' parameters and against their training FLOPs (replacing an earlier declaration of the same gap
     * on the same basis). At equal compute the DiT's last evaluation meets AR length 4's curve at the same FLOPs.
     */
    private static void gapAgainstSize(ReportSection report, ComputeBasis basis, MetricName... metrics) {
        report.pairedBySeedAgainst(basis, RunMetrics.PARAMETERS, "model.blockSize", "16", metrics)
                .pairedBySeedAgainst(basis, RunMetrics.TRAIN_FLOPS, "model.blockSize", "16", metrics);
    }

    /** Width {@code width} with {@code heads} heads, {@code tokens} per block. */
    private static Customizer<CaseBuilder> size(int width, int heads, int tokens) {
        return c -> c.model(Acdit.TYPE, m -> m.width(width).heads(heads).blockSize(tokens));
    }
}
