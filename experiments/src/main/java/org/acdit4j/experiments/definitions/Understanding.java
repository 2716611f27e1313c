package org.acdit4j.experiments.definitions;

import static org.acdit4j.framework.spec.MetricDirection.HIGHER_IS_BETTER;

import org.acdit4j.evaluators.finetune.FineTuneMetrics;
import org.acdit4j.evaluators.probe.LinearProbeMetrics;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;

/**
 * The paper's Table 3 at CPU scale: how well the clean stream of a generatively trained ACDiT represents
 * images, by a linear probe on frozen mean-pooled features and by a short fine-tune with a classification
 * head, at AR lengths 4 and 16 against full-sequence diffusion (AR length 1) and raw pixels (the linear probe's
 * reference point). The body (the {@code standard} preset) trains exactly the patch-4 models of the block-size
 * trade-off ({@link CpuScale}, 16 tokens), so in one runs folder it reuses their trainings (track.reuseTraining).
 */
public final class Understanding {

    public static final ExperimentDefinition DEFINITION = Experiment.define("understanding", e -> e
            .description("Understanding (ACDiT Table 3): linear-probe and fine-tune accuracy of the clean-stream "
                    + "features against block size, with the raw-pixel probe as reference.")
            .with(CpuScale::images)
            .sweep(s -> s.grid("model.blockSize", 16, 4, 1).seeds(0, 1, 2))
            .evaluate(v -> v.use("linear-probe").use("fine-tune").samples(5000))
            .track(t -> t.evaluateEvery(0).evaluateWith())
            .report(r -> r.axis(Acdit.AR_LENGTH).headline(LinearProbeMetrics.ACCURACY, HIGHER_IS_BETTER)
                    .plot(LinearProbeMetrics.ACCURACY, "model.blockSize")
                    .plot(FineTuneMetrics.ACCURACY, "model.blockSize")
                    .plot(LinearProbeMetrics.RAW_PIXEL_ACCURACY, "model.blockSize"))
            .preset("quick", p -> p.train(t -> t.steps(300)).sweep(s -> s.seeds(0)).evaluate(v -> v.samples(2000)))
            .preset("standard", Customizer.withDefaults())
            .preset("smoke", p -> p.with(CpuScale::smoke).sweep(s -> s.grid("model.blockSize", 16, 4))
                    .evaluate(v -> v.evaluators("linear-probe").samples(64))));

    private Understanding() {
    }
}
