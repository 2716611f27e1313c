package org.acdit4j.model.core.execution;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An array's float values as raw bits in row-major order, so that AssertJ's array equality compares them exactly. */
final class FloatBits {

    private FloatBits() {
    }

    static int[] of(INDArray a) {
        float[] values = a.dup('c').data().asFloat();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
