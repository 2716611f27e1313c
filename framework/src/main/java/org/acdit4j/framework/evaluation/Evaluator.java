package org.acdit4j.framework.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.MetricName;

/**
 * A metric plugin run after training (on the EMA weights). Registered by {@link #name()} in a Guice
 * {@code MapBinder}; implementations keep their constructors simple and hold no state between calls
 * beyond caches of immutable inputs.
 */
public interface Evaluator {

    /** Registered name, e.g. {@code fid}; also the prefix of every metric key the evaluator reports. */
    String name();

    /**
     * The metrics {@link #evaluate} writes, by the keys of its result (a guided evaluator's are logged at each guidance
     * scale, {@link MetricName#at}), its series per frame ({@code frame-fid.frame<t>}) aside: a report may name no
     * other metric of the evaluator's.
     */
    List<MetricName> metrics();

    /** What the model must offer; checked for every plan before any run starts. */
    Set<ModelCapability> requires();

    /**
     * Why this evaluator cannot measure runs on the dataset {@code data} selects (for example: it has no feature
     * network for it), seen before any run starts; empty when it can. Evaluators giving the same reason are reported
     * together in one line.
     *
     * @param datasetIdentity what {@code Dataset.identity()} of the opened dataset will be
     * @param geometry        the shape of its examples
     */
    default Optional<String> cannotMeasure(DataSpec data, String datasetIdentity, Geometry geometry) {
        return Optional.empty();
    }

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
