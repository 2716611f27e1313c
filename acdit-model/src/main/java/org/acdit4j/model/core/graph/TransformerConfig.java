package org.acdit4j.model.core.graph;

import org.acdit4j.framework.data.Geometry;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What every validated transformer configuration of this module exposes, whatever the model: its sizes, the
 * class-conditioning label range of its data, and the floating-point type of its weights.
 */
public interface TransformerConfig {

    TransformerSize spec();

    Geometry geometry();

    DataType dataType();

    default int width() {
        return spec().width();
    }

    default int depth() {
        return spec().depth();
    }

    default int heads() {
        return spec().heads();
    }

    default int headDim() {
        return spec().headDim();
    }

    default int mlpWidth() {
        return spec().mlpWidth();
    }

    default int classes() {
        return geometry().classes();
    }

    /** The null label of classifier-free guidance: one past the last class. */
    default int nullLabel() {
        return geometry().classes();
    }

    /** Fails on a sample label outside 0..classes(), where classes() is the null label (unconditional samples). */
    default void requireSampleLabels(int[] labels) {
        for (int label : labels) {
            if (label < 0 || label > classes()) {
                throw new IllegalArgumentException("sample label " + label + " outside 0.." + classes());
            }
        }
    }
}
