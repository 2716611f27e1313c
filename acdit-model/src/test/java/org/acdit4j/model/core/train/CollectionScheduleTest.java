package org.acdit4j.model.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A training step collects on its first call, after the resident set grew by the threshold, and every 50 steps. */
class CollectionScheduleTest {

    @Test
    void theFirstStepCollectsThenOnlyGrowthOrTheStepLimitDo() {
        CollectionSchedule schedule = new CollectionSchedule();
        assertThat(schedule.afterStep()).as("first step").isTrue();
        for (int step = 1; step < CollectionSchedule.MAX_STEPS; step++) {
            assertThat(schedule.afterStep()).as("step %d after the collection", step).isFalse();
        }
        assertThat(schedule.afterStep()).as("step %d", CollectionSchedule.MAX_STEPS).isTrue();

        assertThat(schedule.afterStep()).isFalse();
        INDArray grown = Nd4j.ones(DataType.FLOAT, 2 * CollectionSchedule.GROWTH_BYTES / 4);   // written: resident
        assertThat(schedule.afterStep()).as("after %d MB more resident", 2 * (CollectionSchedule.GROWTH_BYTES >> 20))
                .isTrue();
        assertThat(grown.getFloat(0)).isEqualTo(1f);
    }
}
