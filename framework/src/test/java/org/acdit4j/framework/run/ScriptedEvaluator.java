package org.acdit4j.framework.run;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.spec.MetricName;

/**
 * An evaluator for tests: registered under {@code name}, declaring {@code metrics}, needing {@code requires}, guided or
 * not, and measuring with {@code measure}.
 */
record ScriptedEvaluator(String name, List<MetricName> metrics, Set<ModelCapability> requires, boolean guided,
                         Function<EvaluationContext, EvaluationResult> measure) implements Evaluator {

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        return measure.apply(context);
    }
}
