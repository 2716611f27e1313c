package org.acdit4j.framework.evaluation;

import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.model.GenerativeModel;

/**
 * What an evaluator gets: the trained model, the dataset it was trained on, how to sample, and the budget.
 *
 * @param sampleCount number of generated (or encoded) examples a metric uses; evaluators record it with their metrics
 * @param batchSize   examples per {@code sample}/{@code encode} call
 * @param seed        seeds the sample labels, the noise and any subset of real data
 */
public record EvaluationContext(GenerativeModel model, Dataset dataset, SamplingSettings sampling, int sampleCount,
                                int batchSize, long seed) {

    public EvaluationContext {
        if (sampleCount < 2) {
            throw new IllegalArgumentException("evaluation.samples must be >= 2, got " + sampleCount);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("evaluation.batch must be >= 1, got " + batchSize);
        }
    }
}
