package org.acdit4j.evaluators;

import java.util.List;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.spec.MetricName;

/**
 * An evaluator told its registered name and the metrics it writes when it is made, so that a subclass keeps only what
 * it needs of the model and what it measures.
 */
public abstract class NamedEvaluator implements Evaluator {

    private final String name;
    private final List<MetricName> metrics;

    /**
     * @param name    the registered name, the prefix of every metric and tag key
     * @param metrics what {@link #evaluate} writes
     */
    protected NamedEvaluator(String name, List<MetricName> metrics) {
        this.name = name;
        this.metrics = List.copyOf(metrics);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<MetricName> metrics() {
        return metrics;
    }
}
