package org.acdit4j.model.graph;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A training loss and the gradient of every parameter by name; the arrays belong to the caller. */
public record LossAndGradients(double loss, Map<String, INDArray> gradients) {
}
