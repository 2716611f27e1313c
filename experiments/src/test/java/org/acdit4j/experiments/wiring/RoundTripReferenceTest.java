package org.acdit4j.experiments.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.ShippedFeatureNetworks;
import org.acdit4j.evaluators.sampling.RealSubset;
import org.acdit4j.evaluators.sampling.ReferenceImages;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.model.Acdit;
import org.acdit4j.model.tokenar.TokenAr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The codebook round-trip reference through the wiring a run uses (the injected dataset, model and evaluator plugins,
 * the evaluation step with its shared samples): on 16×16 MNIST at patch 4, a token-AR model's fid and class-agreement
 * evaluators also score the encode→decode of as many test images through its real k-means codebook, the same at every
 * guidance, within 0.1 of the real images' class agreement for 256 codes and far below it for 2; an ACDiT run logs
 * exactly the metrics it always did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripReferenceTest {

    private static final Logger LOG = LoggerFactory.getLogger(RoundTripReferenceTest.class);
    private static final int SAMPLES = 400;

    private final WiredEvaluation wiring = new WiredEvaluation();
    private double realAgreement;

    @TempDir
    Path work;

    @BeforeAll
    void openData() {
        Dataset mnist = wiring.dataset(spec(e -> e.model(TokenAr.TYPE, m -> m.width(16).depth(1).heads(2).patch(4))));
        FeatureNetwork network = new ShippedFeatureNetworks().forDataset(mnist);
        realAgreement = network.accuracy(RealSubset.draw(mnist.test(), SAMPLES, ReferenceImages.SEED));
    }

    @Test
    void aTokenArRunLogsItsCodebooksRoundTripAndMoreCodesGiveABetterOne() {
        Map<String, Double> fine = evaluate(tokenAr(256));
        Map<String, Double> coarse = evaluate(tokenAr(2));
        LOG.info("round-trip reference (mnist 16, patch 4, {} test images; real agreement {}): 256 codes {}, 2 codes {}",
                SAMPLES, realAgreement, roundTripOf(fine), roundTripOf(coarse));

        for (Map<String, Double> metrics : List.of(fine, coarse)) {
            assertThat(metrics).containsKeys("fid/cfg1.5", "class-agreement/cfg1.5", "fid.reconstruction/cfg1.0",
                    "class-agreement.reconstruction/cfg1.0");
            assertThat(metrics.get("fid.reconstruction/cfg1.5")).isFinite().isPositive()
                    .isEqualTo(metrics.get("fid.reconstruction/cfg1.0"));
            assertThat(metrics.get("class-agreement.reconstruction/cfg1.5"))
                    .isEqualTo(metrics.get("class-agreement.reconstruction/cfg1.0"));
            assertThat(metrics.get("fid.reconstruction.samples/cfg1.5")).isEqualTo(SAMPLES);
            assertThat(metrics.get("class-agreement.reconstruction.samples/cfg1.5")).isEqualTo(SAMPLES);
        }
        assertThat(fine.get("class-agreement.reconstruction/cfg1.5")).isBetween(realAgreement - 0.1, realAgreement);
        assertThat(coarse.get("class-agreement.reconstruction/cfg1.5"))
                .isLessThan(fine.get("class-agreement.reconstruction/cfg1.5") - 0.3);
        assertThat(coarse.get("fid.reconstruction/cfg1.5")).isGreaterThan(3 * fine.get("fid.reconstruction/cfg1.5"));
    }

    @Test
    void anAcditRunLogsTheMetricsItAlwaysDid() {
        Map<String, Double> metrics = evaluate(spec(e -> e
                .model(Acdit.TYPE, m -> m.width(16).depth(1).heads(2).patch(4).blockSize(16))
                .sampler(Acdit.TYPE, s -> s.steps(2))));

        assertThat(metrics).containsOnlyKeys("fid/cfg1.0", "fid.samples/cfg1.0", "fid.referenceSamples/cfg1.0",
                "fid/cfg1.5", "fid.samples/cfg1.5", "fid.referenceSamples/cfg1.5", "class-agreement/cfg1.0",
                "class-agreement.samples/cfg1.0", "class-agreement/cfg1.5", "class-agreement.samples/cfg1.5");
    }

    private static ExperimentSpec tokenAr(int codes) {
        return spec(e -> e.model(TokenAr.TYPE, m -> m.width(16).depth(1).heads(2).patch(4).codes(codes)
                .codebookPatches(16_384)));
    }

    private static ExperimentSpec spec(Customizer<ExperimentBuilder> model) {
        return Experiment.define("round-trip-reference", e -> e.data(d -> d.name("mnist").size(16)).with(model)
                        .train(t -> t.steps(1).batch(8).warmupSteps(0))
                        .sample(s -> s.batch(200))
                        .evaluate(v -> v.evaluators("fid", "class-agreement").samples(SAMPLES).guidances(1.0, 1.5))
                        .track(t -> t.evaluateEvery(0).evaluateWith().evaluateSamples(0)))
                .spec(null, List.of());
    }

    private Map<String, Double> evaluate(ExperimentSpec spec) {
        return wiring.metrics(spec, work);
    }

    private static String roundTripOf(Map<String, Double> metrics) {
        return String.format("FID %.2f, agreement %.3f", metrics.get("fid.reconstruction/cfg1.5"),
                metrics.get("class-agreement.reconstruction/cfg1.5"));
    }
}
