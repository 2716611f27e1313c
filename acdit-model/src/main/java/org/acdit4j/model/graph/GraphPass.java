package org.acdit4j.model.graph;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One graph's fixed outputs as a function of its placeholders; the returned arrays belong to the caller. */
public interface GraphPass {

    /** The outputs, by name, for these placeholder values. */
    Map<String, INDArray> output(Map<String, INDArray> placeholders);
}
