package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;

/**
 * The solver axis of the recipe search (issue 30): how many solver steps, and which solver, a model trained with
 * {@link CpuScale#converging}'s flow recipe needs at AR lengths 1, 4 and 16. The trainings are
 * {@code objective-ablation}'s flow arms of seed 0 (same data, model, training and seed, so a shared runs folder
 * reuses them and each run only samples and evaluates); the sweep crosses DDIM (Euler on the flow's straight path),
 * Heun and DPM-Solver++(2M) with 5, 10 and 25 steps per block. Heun evaluates the network twice per step except the
 * last, so its 5 steps cost 9 network evaluations per block; DDIM and DPM-Solver++ evaluate once per step.
 */
public final class SolverSteps {

    public static final ExperimentDefinition DEFINITION = Experiment.define("solver-steps", e -> e
            .description("Solver × solver steps per block × AR length 1, 4, 16 on objective-ablation's flow "
                    + "models of seed 0 (training reused): class agreement and FID at guidance 1.5.")
            .with(CpuScale::images).with(CpuScale::converging)
            .train(t -> t.steps(1500))
            .sweep(s -> s.grid("sample.solver", "ddim", "heun", "dpm-solver++").grid("sample.steps", 5, 10, 25)
                    .grid("model.blockSize", 16, 4, 1).seeds(0))
            .evaluate(v -> v.evaluators("fid", "class-agreement").guidances(1.5))
            .track(t -> t.evaluateEvery(0).evaluateWith().evaluateSamples(0))
            .report(r -> r.axis(Acdit.AR_LENGTH).headline(ClassAgreementMetrics.at(1.5), HIGHER_IS_BETTER)
                    .plot(ClassAgreementMetrics.at(1.5), "sample.steps").plot(FidMetrics.at(1.5), "sample.steps")
                    .metrics(ClassAgreementMetrics.at(1.5), FidMetrics.at(1.5)))
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(CpuScale::smoke)
                    .sweep(s -> s.grid("sample.solver", "heun", "dpm-solver++").grid("sample.steps", 2)
                            .grid("model.blockSize", 4))
                    .evaluate(v -> v.evaluators("sampling-speed"))));

    private SolverSteps() {
    }
}
