package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.model.testing.NativeHeap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The token-AR model's training holds its native memory flat, the check of ACDiT's {@code NativeMemoryTest}: after a
 * warm-up, 500 more steps leave at most a small bound of malloc'd bytes in use (b506b8b kept ~100 kB a step here,
 * 30 MB over 300 steps; the bound allows for the JVM's own malloc use).
 */
class TokenArNativeMemoryTest {

    private static final long BOUND_BYTES = 24L << 20;

    @Test
    void trainingStepsLeaveNoNativeMemoryBehind() throws InterruptedException {
        TokenArModel model = TokenArFixtures.randomModel(16, DataType.FLOAT);
        ImageBatch batch = TokenArFixtures.shapes16().train().batches(8, 3).batch(0);
        for (int i = 0; i < 50; i++) {
            model.trainStep(batch);
        }
        long afterWarmUp = NativeHeap.bytesInUseAfterCollection();

        for (int i = 0; i < 500; i++) {
            model.trainStep(batch);
        }

        assertThat(NativeHeap.bytesInUseAfterCollection() - afterWarmUp).isLessThan(BOUND_BYTES);
    }
}
