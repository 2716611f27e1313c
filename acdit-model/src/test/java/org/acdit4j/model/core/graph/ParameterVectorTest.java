package org.acdit4j.model.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Named arrays copied into one vector: order, views that write through, gather and scatter, bad input named. */
class ParameterVectorTest {

    /** A (2, 3) matrix 1..6 and a (4) vector 7..10. */
    private static Map<String, INDArray> arrays() {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("w", Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}}));
        arrays.put("b", Nd4j.createFromArray(7f, 8f, 9f, 10f));
        return arrays;
    }

    @Test
    void aCopyHoldsTheArraysBackToBackInMapOrderAndItsViewsWriteThrough() {
        Map<String, INDArray> arrays = arrays();
        ParameterVector vector = ParameterVector.copyOf(arrays);

        assertThat(vector.length()).isEqualTo(10);
        assertThat(vector.vector().toFloatVector()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(vector.views().keySet()).containsExactly("w", "b");
        assertThat(vector.views().get("w").shape()).containsExactly(2, 3);
        assertThat(vector.views().get("w")).isEqualTo(arrays.get("w"));

        vector.views().get("b").assign(0);
        assertThat(vector.vector().toFloatVector()).containsExactly(1, 2, 3, 4, 5, 6, 0, 0, 0, 0);
        assertThat(arrays.get("b").toFloatVector()).containsExactly(7, 8, 9, 10);     // a copy, not the arrays
    }

    @Test
    void gatherAndScatterCopyEveryArrayInAndOut() {
        Map<String, INDArray> arrays = arrays();
        ParameterVector vector = ParameterVector.copyOf(arrays);
        vector.vector().muli(2);
        vector.scatter(arrays);
        assertThat(arrays.get("w").ravel().toFloatVector()).containsExactly(2, 4, 6, 8, 10, 12);
        assertThat(arrays.get("b").toFloatVector()).containsExactly(14, 16, 18, 20);

        arrays.get("w").assign(-1);
        vector.gather(arrays);
        assertThat(vector.vector().toFloatVector()).containsExactly(-1, -1, -1, -1, -1, -1, 14, 16, 18, 20);
    }

    @Test
    void viewsOfAnotherVectorFollowThisLayout() {
        ParameterVector vector = ParameterVector.copyOf(arrays());
        ParameterVector zeros = vector.zerosLike();
        INDArray other = Nd4j.createFromArray(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);

        assertThat(zeros.vector().toFloatVector()).containsOnly(0f).hasSize(10);
        assertThat(vector.viewsOf(other).get("b").toFloatVector()).containsExactly(6, 7, 8, 9);
        assertThat(vector.copy().vector()).isEqualTo(vector.vector());
    }

    @Test
    void aMissingArrayOrAVectorOfAnotherLengthIsNamed() {
        ParameterVector vector = ParameterVector.copyOf(arrays());
        Map<String, INDArray> onlyW = new LinkedHashMap<>(arrays());
        onlyW.remove("b");

        assertThatThrownBy(() -> vector.gather(onlyW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no array for parameter 'b'");
        assertThatThrownBy(() -> vector.viewsOf(Nd4j.zeros(DataType.FLOAT, 9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a vector of 9 values does not hold these 10 parameters");
        assertThatThrownBy(() -> ParameterVector.copyOf(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a parameter vector needs at least one array");
    }
}
