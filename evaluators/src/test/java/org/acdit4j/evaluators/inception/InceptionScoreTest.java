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
        assertThat(InceptionScore.of(confident(40, 4, 4))).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void isTwoForConfidentPredictionsOfTwoOutOfFourClasses() {
        assertThat(InceptionScore.of(confident(40, 4, 2))).isCloseTo(2.0, within(1e-6));
    }

    /** {@code images} one-hot predictions over {@code classes} classes, cycling through the first {@code used}. */
    private static float[][] confident(int images, int classes, int used) {
        float[][] probabilities = new float[images][classes];
        for (int i = 0; i < images; i++) {
            probabilities[i][i % used] = 1f;
        }
        return probabilities;
    }
}
