package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.List;
import org.acdit4j.framework.spec.EvaluateSpec;

/** {@code evaluate}: the evaluators run after training, by registered name. */
public final class EvaluateSection extends Section {

    List<String> evaluators = new ArrayList<>();
    int samples = 1000;
    List<Double> guidances = new ArrayList<>(List.of(1.0, 1.5));

    /** Adds an evaluator by name; using a name twice keeps one. */
    public EvaluateSection use(String evaluator) {
        if (!evaluators.contains(evaluator)) {
            evaluators.add(evaluator);
        }
        return this;
    }

    /** Replaces the evaluators by {@code names}, in order. */
    public EvaluateSection evaluators(String... names) {
        evaluators = new ArrayList<>();
        for (String name : names) {
            use(name);
        }
        return this;
    }

    public EvaluateSection samples(int images) {
        this.samples = images;
        return this;
    }

    public EvaluateSection guidances(Double... scales) {
        this.guidances = new ArrayList<>(List.of(scales));
        return this;
    }

    @Override
    protected String key() {
        return "evaluate";
    }

    @Override
    protected void validate(Problems problems) {
        problems.require(samples >= 10, "evaluate.samples", "must be at least 10, got " + samples);
        problems.require(!guidances.isEmpty(), "evaluate.guidances", "must list at least one guidance scale");
        for (double guidance : guidances) {
            problems.require(guidance >= 0, "evaluate.guidances", "must be >= 0, got " + guidance);
        }
    }

    EvaluateSpec freeze() {
        return new EvaluateSpec(evaluators, samples, guidances);
    }
}
