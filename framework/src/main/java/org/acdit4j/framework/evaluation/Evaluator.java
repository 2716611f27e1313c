package org.acdit4j.framework.evaluation;

import java.util.Set;
import org.acdit4j.framework.model.ModelCapability;

/**
 * A metric plugin run after training (on the EMA weights). Registered by {@link #name()} in a Guice
 * {@code MapBinder}; implementations keep their constructors simple and hold no state between calls
 * beyond caches of immutable inputs.
 */
public interface Evaluator {

    /** Registered name, e.g. {@code fid}; also the prefix of every metric key the evaluator reports. */
    String name();

    /** What the model must offer; checked for every plan before any run starts. */
    Set<ModelCapability> requires();

    /**
     * Whether the result depends on the guidance scale of the samples: such an evaluator runs once per scale of
     * {@code evaluate.guidances} on samples shared with the other guided evaluators, its keys suffixed
     * {@code /cfg<scale>}; the others run once, at {@code sample.guidance}.
     */
    default boolean guided() {
        return false;
    }

    /** Measures {@code context.model()}; throws {@link IllegalArgumentException} with a one-line reason on bad input. */
    EvaluationResult evaluate(EvaluationContext context);
}
