package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Feed arrays made by one bulk copy hold what {@code Nd4j.createFromArray} makes; freeing spares the kept ones. */
class FeedArraysTest {

    private static float[] values(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) Math.sin(0.37 * i) * 1e3f;
        }
        return values;
    }

    @Test
    void aBulkCopyHoldsTheValuesOfCreateFromArrayInEveryType() {
        float[] values = values(3 * 1000);
        INDArray expected = Nd4j.createFromArray(values).reshape(3, 1000);
        INDArray floats = FeedArrays.of(values, DataType.FLOAT, 3, 1000);
        assertThat(floats.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(floats.shape()).containsExactly(3, 1000);
        assertThat(floats).isEqualTo(expected);

        INDArray doubles = FeedArrays.of(values, DataType.DOUBLE, 3, 1000);
        assertThat(doubles.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(doubles).isEqualTo(expected.castTo(DataType.DOUBLE));
        assertThat(FeedArrays.of(new float[0], DataType.FLOAT, 0, 4).shape()).containsExactly(0, 4);
    }

    @Test
    void aLengthThatDoesNotFitTheShapeIsRefused() {
        assertThatThrownBy(() -> FeedArrays.of(values(5), DataType.FLOAT, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("5 values for an array of shape [2, 3]");
    }

    @Test
    void freeingClosesTheFeedsArraysButTheKeptOnes() {
        INDArray made = FeedArrays.of(values(4), DataType.FLOAT, 2, 2);
        INDArray kept = FeedArrays.of(values(4), DataType.FLOAT, 4);
        FeedArrays.free(List.of(Map.of("made", made, "table", kept)), List.of(kept));
        assertThat(made.wasClosed()).isTrue();
        assertThat(kept.wasClosed()).isFalse();
        assertThat(kept.getFloat(1)).isEqualTo(values(4)[1]);
    }
}
