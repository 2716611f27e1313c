package org.acdit4j.evaluators.inception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InceptionScoreTest {

    @Test
    void isOneWhenEveryImageGetsTheSameDistribution() {
        float[][] probabilities = new float[50][];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = new float[] {0.7f, 0.2f, 0.1f};
        }
        assertThat(InceptionScore.of(probabilities)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void isTheNumberOfClassesForConfidentEvenlySpreadPredictions() {
        float[][] probabilities = new float[40][4];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i][i % 4] = 1f;
        }
        assertThat(InceptionScore.of(probabilities)).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void isTwoForConfidentPredictionsOfTwoOutOfFourClasses() {
        float[][] probabilities = new float[40][4];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i][i % 2] = 1f;
        }
        assertThat(InceptionScore.of(probabilities)).isCloseTo(2.0, within(1e-6));
    }
}
