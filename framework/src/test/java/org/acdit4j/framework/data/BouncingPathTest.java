package org.acdit4j.framework.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BouncingPathTest {

    @Test
    void reflectsOffBothWallsLikeABilliardBall() {
        BouncingPath path = new BouncingPath(8, 1, 3, -2, 10);

        int[] columns = new int[8];
        int[] rows = new int[8];
        for (int t = 0; t < 8; t++) {
            columns[t] = path.column(t);
            rows[t] = path.row(t);
        }

        assertThat(columns).containsExactly(8, 9, 6, 3, 0, 3, 6, 9);
        assertThat(rows).containsExactly(1, 1, 3, 5, 7, 9, 9, 7);
    }

    @Test
    void closedFormMatchesAStepByStepSimulationAndStaysInside() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 2000; trial++) {
            int range = 1 + random.nextInt(40);
            int position = random.nextInt(range + 1);
            int velocity = (1 + random.nextInt(range)) * (random.nextBoolean() ? 1 : -1);
            BouncingPath path = new BouncingPath(position, 0, velocity, 1, range);
            for (int t = 0; t < 50; t++) {
                assertThat(path.column(t)).as("range %d, frame %d", range, t).isEqualTo(position).isBetween(0, range);
                int next = position + velocity;
                if (next > range) {
                    next = 2 * range - next;
                    velocity = -velocity;
                } else if (next < 0) {
                    next = -next;
                    velocity = -velocity;
                }
                position = next;
            }
        }
    }

    @Test
    void rejectsPathsThatWouldLeaveTheFrameOrStandStill() {
        assertThatThrownBy(() -> new BouncingPath(11, 0, 1, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BouncingPath(0, 0, 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BouncingPath(0, 0, 11, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BouncingPath(0, 0, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
