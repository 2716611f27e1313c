package org.acdit4j.framework.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;

class SyntheticShapesTest {

    private final Geometry geometry = Geometry.image(1, 16, 16, SyntheticShapes.CLASSES);

    @Test
    void theSameSeedGivesTheSameImages() {
        ImageSet first = SyntheticShapes.generate(geometry, 200, 7);
        ImageSet again = SyntheticShapes.generate(geometry, 200, 7);
        ImageSet other = SyntheticShapes.generate(geometry, 200, 8);

        assertThat(again.range(0, 200).pixels()).isEqualTo(first.range(0, 200).pixels());
        assertThat(other.range(0, 200).pixels()).isNotEqualTo(first.range(0, 200).pixels());
    }

    @Test
    void everyClassIsPresentNonEmptyAndDistinctOnAverage() {
        ImageSet set = SyntheticShapes.generate(geometry, 1000, 3);
        double[][] means = new double[SyntheticShapes.CLASSES][256];
        for (int i = 0; i < set.size(); i++) {
            for (int k = 0; k < 256; k++) {
                means[set.label(i)][k] += set.value(i, k) / 100.0;
            }
        }
        assertThat(set.classCounts()).containsOnly(100);
        for (int a = 0; a < SyntheticShapes.CLASSES; a++) {
            assertThat(sum(means[a])).as("class %d ink", a).isGreaterThan(255 * 5);
            for (int b = a + 1; b < SyntheticShapes.CLASSES; b++) {
                assertThat(distance(means[a], means[b])).as("classes %d and %d", a, b).isGreaterThan(50);
            }
        }
    }

    @Test
    void opensWithTrainAndTestSplits() {
        Dataset dataset = new SyntheticShapes().open(DataSpec.of(SyntheticShapes.NAME, 16));

        assertThat(dataset.train().size()).isEqualTo(2000);
        assertThat(dataset.test().size()).isEqualTo(500);
        assertThat(dataset.test().range(0, 10).pixels()).isNotEqualTo(dataset.train().range(0, 10).pixels());
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static double distance(double[] a, double[] b) {
        double squared = 0;
        for (int i = 0; i < a.length; i++) {
            squared += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(squared);
    }
}
