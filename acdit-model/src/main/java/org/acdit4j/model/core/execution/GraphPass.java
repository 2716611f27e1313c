package org.acdit4j.model.core.execution;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One graph's fixed outputs as a function of its placeholders; the returned arrays belong to the caller. */
public interface GraphPass {

    /** The outputs, by name, for these placeholder values. */
    Map<String, INDArray> output(Map<String, INDArray> placeholders);

    /** As {@link #output} for a pass that will not run again soon: it keeps no arrays afterwards. */
    Map<String, INDArray> outputOnce(Map<String, INDArray> placeholders);

    /**
     * Frees the arrays the pass keeps between calls (for a pass that will not run again soon); it stays usable.
     * The arrays {@link #output} returned are not affected.
     */
    void releaseArrays();
}
