package org.acdit4j.model.core.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A training loss and the gradient of every parameter by name; the arrays belong to the caller. */
public record LossAndGradients(double loss, Map<String, INDArray> gradients) {

    /**
     * The mean of equal-sized micro-batches' losses and gradients, summed in list order (so the result does not depend
     * on which thread computed which part). The first part's arrays become the result's; the others are freed.
     */
    public static LossAndGradients mean(List<LossAndGradients> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        double loss = 0;
        for (LossAndGradients part : parts) {
            loss += part.loss();
        }
        Map<String, INDArray> sum = new LinkedHashMap<>(parts.get(0).gradients());
        for (LossAndGradients part : parts.subList(1, parts.size())) {
            part.gradients().forEach((name, gradient) -> {
                sum.get(name).addi(gradient);
                if (gradient.closeable()) {
                    gradient.close();
                }
            });
        }
        sum.values().forEach(gradient -> gradient.divi(parts.size()));
        return new LossAndGradients(loss / parts.size(), sum);
    }
}
