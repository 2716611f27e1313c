package org.acdit4j.framework.spec;

import java.util.List;

/**
 * The evaluate section: registered evaluators run on the EMA weights after training.
 *
 * @param evaluators evaluator names, in order
 * @param samples    generated images per evaluation (FID, precision/recall, class agreement)
 * @param guidances  guidance scales at which sample-based metrics are computed
 */
public record EvaluateSpec(List<String> evaluators, int samples, List<Double> guidances) {

    public EvaluateSpec {
        evaluators = List.copyOf(evaluators);
        guidances = List.copyOf(guidances);
    }
}
