package org.acdit4j.evaluators.precisionrecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrecisionRecallTest {

    @Test
    void twoSamplesOfOneDistributionCoverEachOther() {
        Random random = new Random(5);
        // with finitely many points in 8 dimensions the k = 3 balls leave some of the other sample's points outside
        PrecisionRecall result = PrecisionRecall.of(cloud(random, 1500, 8, 0, 1), cloud(random, 1500, 8, 0, 1), 3, 1);
        assertThat(result.precision()).isGreaterThan(0.85);
        assertThat(result.recall()).isGreaterThan(0.85);
    }

    @Test
    void aDistantClusterHasNeitherPrecisionNorRecall() {
        Random random = new Random(6);
        PrecisionRecall result = PrecisionRecall.of(cloud(random, 1000, 8, 0, 1), cloud(random, 1000, 8, 20, 1), 3, 1);
        assertThat(result.precision()).isZero();
        assertThat(result.recall()).isZero();
    }

    @Test
    void aCollapsedGeneratorHasPrecisionButLittleRecall() {
        Random random = new Random(7);
        // generated points all near the centre of the real cloud: inside the real manifold, covering little of it
        PrecisionRecall result = PrecisionRecall.of(cloud(random, 1000, 4, 0, 1), cloud(random, 1000, 4, 0, 0.05), 3, 1);
        assertThat(result.precision()).isGreaterThan(0.95);
        assertThat(result.recall()).isLessThan(0.1);
    }

    @Test
    void pruningTheLargestBallsDropsAClusterThatOnlyOutliersCover() {
        Random random = new Random(8);
        float[][] real = cloud(random, 1000, 8, 0, 1);
        // four real outliers far out along the first axis: their k-NN balls are huge and cover the empty space there
        for (int i = 0; i < 4; i++) {
            real[i][0] += 30;
            real[i][1] += 10 * (i - 1.5f);
        }
        float[][] offManifold = cloud(random, 500, 8, 0, 0.05);
        for (float[] row : offManifold) {
            row[0] += 30;
        }
        assertThat(PrecisionRecall.of(real, offManifold, 3, 1).precision()).isEqualTo(1.0);
        assertThat(PrecisionRecall.of(real, offManifold, 3, 0.98).precision()).isZero();
        // the bulk of the real distribution keeps almost all of its precision
        assertThat(PrecisionRecall.of(real, cloud(random, 1000, 8, 0, 1), 3, 0.98).precision()).isGreaterThan(0.8);
    }

    @Test
    void radiusQuantileMustBeAShare() {
        float[][] points = {{0}, {1}, {2}, {3}, {4}};
        assertThatThrownBy(() -> PrecisionRecall.of(points, points, 3, 0))
                .hasMessage("radius quantile must be in (0, 1], got 0.0");
    }

    @Test
    void needsMorePointsThanNeighbours() {
        float[][] three = {{0}, {1}, {2}};
        assertThatThrownBy(() -> PrecisionRecall.of(three, three, 3, 1))
                .hasMessage("k-NN manifolds with k = 3 need more than 3 points, got 3");
    }

    private static float[][] cloud(Random random, int n, int d, double centre, double scale) {
        float[][] points = new float[n][d];
        for (float[] row : points) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (centre + scale * random.nextGaussian());
            }
        }
        return points;
    }
}
