package org.acdit4j.evaluators.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;

class FeatureNetworkTrainerTest {

    @Test
    void oneEpochOnSyntheticShapesLearnsTheShapes() {
        Dataset shapes = new SyntheticShapes().open(DataSpec.of(SyntheticShapes.NAME, 16));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        FeatureNetworkWeights weights = new FeatureNetworkTrainer().train(shapes,
                new FeatureNetworkTrainer.Settings(1, 32, 2e-3, 3, 1), new PrintStream(log, true, StandardCharsets.UTF_8));
        FeatureNetwork network = new FeatureNetwork(weights);

        assertThat(network.accuracy(shapes.test().range(0, shapes.test().size()))).isGreaterThan(0.5);
        assertThat(network.run(shapes.test().range(0, 3)).features()[0]).hasSize(network.featureSize());
        assertThat(weights.dataset()).isEqualTo(SyntheticShapes.NAME);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("step 63/63 (epoch 1.00)");
    }

    @Test
    void trainingPrintsNoDifferentiationLines() {
        Dataset shapes = new SyntheticShapes().open(DataSpec.of(SyntheticShapes.NAME, 8));
        PrintStream console = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            new FeatureNetworkTrainer().train(shapes, new FeatureNetworkTrainer.Settings(1, 250, 1e-3, 5, 0),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("Added differentiated op");
    }

    @Test
    void theSameSeedGivesTheSameFingerprint() {
        Dataset shapes = new SyntheticShapes().open(DataSpec.of(SyntheticShapes.NAME, 8));
        FeatureNetworkTrainer.Settings settings = new FeatureNetworkTrainer.Settings(1, 250, 1e-3, 5, 0);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        String first = new FeatureNetworkTrainer().train(shapes, settings, quiet).fingerprint();
        String second = new FeatureNetworkTrainer().train(shapes, settings, quiet).fingerprint();

        assertThat(second).isEqualTo(first);
    }
}
