package org.acdit4j.experiments.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.model.Acdit;
import org.acdit4j.model.tokenar.TokenAr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memorisation evaluator through the wiring a run uses (the injected dataset, model and evaluator plugins, the
 * evaluation step with its shared samples), on 16×16 MNIST: a token-AR run is also measured for copies in its codes
 * (its real k-means codebook of 256 codes), the test images' rate the same at every guidance; an ACDiT run, which has
 * no codes, only in pixels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemorisationWiringTest {

    private static final Logger LOG = LoggerFactory.getLogger(MemorisationWiringTest.class);
    private static final int SAMPLES = 200;

    private final WiredEvaluation wiring = new WiredEvaluation();

    @TempDir
    Path work;

    @Test
    void aTokenArRunIsMeasuredInItsCodesAsWell() {
        Map<String, Double> metrics = evaluate(spec(e -> e.model(TokenAr.TYPE,
                m -> m.width(16).depth(1).heads(2).patch(4).codes(256).codebookPatches(16_384))));
        LOG.info("memorisation of an untrained token-AR model (mnist 16, 256 codes, {} samples): {}", SAMPLES, metrics);

        for (String guidance : List.of("/cfg1.0", "/cfg1.5")) {
            assertThat(metrics).containsKeys("memorisation.nearerThanTestP5" + guidance,
                    "memorisation.medianRatio" + guidance, "memorisation.pixelCopies" + guidance,
                    "memorisation.tokenCopies" + guidance, "memorisation.test.tokenCopies" + guidance);
            assertThat(metrics.get("memorisation.tokenCopies" + guidance)).isBetween(0.0, 1.0);
            assertThat(metrics.get("memorisation.pixelCopies" + guidance)).isZero();
            assertThat(metrics.get("memorisation.samples" + guidance)).isEqualTo(SAMPLES);
        }
        assertThat(metrics.get("memorisation.test.tokenCopies/cfg1.5"))
                .isEqualTo(metrics.get("memorisation.test.tokenCopies/cfg1.0")).isLessThan(0.1);
        assertThat(metrics.get("memorisation.test.medianDistance/cfg1.5"))
                .isEqualTo(metrics.get("memorisation.test.medianDistance/cfg1.0")).isPositive();
    }

    @Test
    void anAcditRunIsMeasuredInPixelsOnly() {
        Map<String, Double> metrics = evaluate(spec(e -> e
                .model(Acdit.TYPE, m -> m.width(16).depth(1).heads(2).patch(4).blockSize(16))
                .sampler(Acdit.TYPE, s -> s.steps(2))));

        assertThat(metrics).containsKeys("memorisation.nearerThanTestP5/cfg1.5", "memorisation.pixelCopies/cfg1.5",
                        "memorisation.medianDistance/cfg1.5")
                .doesNotContainKeys("memorisation.tokenCopies/cfg1.5", "memorisation.test.tokenCopies/cfg1.5");
    }

    private static ExperimentSpec spec(Customizer<ExperimentBuilder> model) {
        return Experiment.define("memorisation", e -> e.data(d -> d.name("mnist").size(16)).with(model)
                        .train(t -> t.steps(1).batch(8).warmupSteps(0))
                        .sample(s -> s.batch(100))
                        .evaluate(v -> v.evaluators("memorisation").samples(SAMPLES).guidances(1.0, 1.5))
                        .track(t -> t.evaluateEvery(0).evaluateWith().evaluateSamples(0)))
                .spec(null, List.of());
    }

    private Map<String, Double> evaluate(ExperimentSpec spec) {
        return wiring.metrics(spec, work);
    }
}
