package org.acdit4j.evaluators;

import java.util.List;
import java.util.Set;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.spec.MetricName;

/**
 * An evaluator told its registered name, the metrics it writes and what it needs of the model when it is made, so that
 * a subclass keeps only what it measures.
 */
public abstract class NamedEvaluator implements Evaluator {

    private final String name;
    private final List<MetricName> metrics;
    private final ModelCapability required;

    /**
     * @param name     the registered name, the prefix of every metric and tag key
     * @param metrics  what {@link #evaluate} writes
     * @param required what the model must offer
     */
    protected NamedEvaluator(String name, List<MetricName> metrics, ModelCapability required) {
        this.name = name;
        this.metrics = List.copyOf(metrics);
        this.required = required;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<MetricName> metrics() {
        return metrics;
    }

    @Override
    public final Set<ModelCapability> requires() {
        return Set.of(required);
    }
}
