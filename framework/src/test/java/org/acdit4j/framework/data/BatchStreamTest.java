package org.acdit4j.framework.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchStreamTest {

    private final ImageSet set = SyntheticShapes.generate(Geometry.image(1, 8, 8, 10), 50, 11);

    @Test
    void batchKIsTheSameWhicheverStreamAsksForIt() {
        BatchStream straight = set.batches(8, 5);
        for (int k = 0; k < 20; k++) {
            straight.batch(k);
        }
        ImageBatch resumed = set.batches(8, 5).batch(19);

        assertThat(resumed.pixels()).isEqualTo(straight.batch(19).pixels());
        assertThat(set.batches(8, 6).batch(19).pixels()).isNotEqualTo(resumed.pixels());
    }

    @Test
    void everyEpochVisitsEveryExampleOnce() {
        BatchStream stream = set.batches(10, 1);
        for (int epoch = 0; epoch < 3; epoch++) {
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < 5; k++) {
                ImageBatch batch = stream.batch(epoch * 5L + k);
                for (int i = 0; i < batch.size(); i++) {
                    seen.add(java.util.Arrays.toString(batch.example(i)) + batch.labels()[i]);
                }
            }
            assertThat(seen).hasSizeGreaterThanOrEqualTo(45);
        }
    }
}
