package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link SumToShapeOp} passes an array of the input's shape through (unless its output leaves the graph), sums over
 * the broadcast axes otherwise, and names an input that does not broadcast.
 */
class SumToShapeOpTest {

    @Test
    void anInputOfTheArraysShapeGetsTheArrayItselfUnlessTheOutputIsRequested() {
        INDArray gradient = Nd4j.rand(DataType.FLOAT, 6, 5);
        INDArray[] slots = {gradient, Nd4j.zeros(DataType.FLOAT, 6, 5), null};
        SumToShapeOp passThrough = new SumToShapeOp("add_bp/dx", 0, 1, 2, DataType.FLOAT, false);
        passThrough.run(slots);
        assertThat(slots[2]).isSameAs(gradient);
        assertThat(passThrough.retainedBytes()).isZero();
        assertThat(passThrough.aliasesInput()).isTrue();
        SumToShapeOp requested = new SumToShapeOp("add_bp/dx", 0, 1, 2, DataType.FLOAT, true);
        requested.run(slots);
        assertThat(slots[2]).isNotSameAs(gradient).isEqualTo(gradient);
        assertThat(requested.aliasesInput()).isFalse();
    }

    @Test
    void aBroadcastInputGetsTheSumOverItsBroadcastAxes() {
        INDArray gradient = Nd4j.rand(DataType.FLOAT, 2, 3, 5);
        INDArray[] slots = {gradient, Nd4j.zeros(DataType.FLOAT, 3, 1), null};
        SumToShapeOp sum = new SumToShapeOp("add_bp/dy", 0, 1, 2, DataType.FLOAT, false);
        sum.run(slots);
        assertThat(slots[2].shape()).containsExactly(3, 1);
        assertThat(slots[2].reshape(3)).isEqualTo(gradient.sum(0, 2));
        assertThat(sum.retainedBytes()).isEqualTo(3 * 4);
    }

    @Test
    void anInputThatDoesNotBroadcastIsNamed() {
        assertThatThrownBy(() -> SumToShapeOp.broadcastAxes(new long[] {6, 5}, new long[] {4}, "add_bp"))
                .hasMessageContaining("op 'add_bp'").hasMessageContaining("[4]").hasMessageContaining("[6, 5]");
        assertThat(SumToShapeOp.broadcastAxes(new long[] {2, 3, 5}, new long[] {3, 1}, "add_bp"))
                .containsExactly(0, 2);
    }
}
