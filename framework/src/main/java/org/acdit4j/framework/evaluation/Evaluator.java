package org.acdit4j.framework.evaluation;

/**
 * A metric plugin run after training (on the EMA weights). Registered by {@link #name()} in a Guice
 * {@code MapBinder}; implementations keep their constructors simple and hold no state between calls
 * beyond caches of immutable inputs.
 */
public interface Evaluator {

    /** Registered name, e.g. {@code fid}; also the prefix of every metric key the evaluator reports. */
    String name();

    /** Measures {@code context.model()}; throws {@link IllegalArgumentException} with a one-line reason on bad input. */
    EvaluationResult evaluate(EvaluationContext context);
}
