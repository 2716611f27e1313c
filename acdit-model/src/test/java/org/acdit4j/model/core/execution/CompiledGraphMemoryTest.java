package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.acdit4j.model.testing.NativeHeap;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A compiled pass fed new arrays on every call, as the samplers feed a growing KV cache and training feeds each
 * step's batch, keeps none of them natively once the caller drops them: 40 calls with 4 MB of input and 4 MB of
 * output each leave at most a small bound of malloc'd bytes behind (b506b8b kept every one: ~320 MB).
 */
class CompiledGraphMemoryTest {

    private static final int ROWS = 1024;
    private static final int COLUMNS = 1024;
    private static final long BOUND_BYTES = 32L << 20;

    /** y = tanh(x · w) + x for x (ROWS, COLUMNS) and w (COLUMNS, COLUMNS): one custom op, two legacy ones. */
    private static CompiledGraph pass() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, COLUMNS);
        SDVariable w = sd.var("w", Nd4j.rand(DataType.FLOAT, COLUMNS, COLUMNS).subi(0.5).divi(COLUMNS));
        sd.math.tanh(x.mmul(w)).add(x).rename("y");                                      // (ROWS, COLUMNS)
        return CompiledGraph.compile(sd, java.util.List.of("y"));
    }

    private static long leftBehind(Function<Map<String, INDArray>, Map<String, INDArray>> call)
            throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            call.apply(Map.of("x", Nd4j.rand(DataType.FLOAT, ROWS, COLUMNS)));
        }
        long afterWarmUp = NativeHeap.bytesInUseAfterCollection();
        for (int i = 0; i < 40; i++) {
            INDArray y = call.apply(Map.of("x", Nd4j.rand(DataType.FLOAT, ROWS, COLUMNS))).get("y");
            assertThat(y.length()).isEqualTo((long) ROWS * COLUMNS);
        }
        return NativeHeap.bytesInUseAfterCollection() - afterWarmUp;
    }

    @Test
    void aPassThatKeepsItsArraysKeepsNoInputOrOutputOfEarlierCalls() throws InterruptedException {
        CompiledGraph kept = pass();
        assertThat(leftBehind(kept::output)).isLessThan(BOUND_BYTES);
    }

    @Test
    void aPassThatFreesItsArraysKeepsNothingOfEarlierCalls() throws InterruptedException {
        CompiledGraph once = pass();
        assertThat(leftBehind(once::outputOnce)).isLessThan(BOUND_BYTES);
    }
}
