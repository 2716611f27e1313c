package org.acdit4j.framework.evaluation;

import java.util.Set;
import org.acdit4j.framework.model.ModelCapability;

/**
 * An evaluator of the samples themselves (FID, precision/recall, class agreement, …): it needs a model that
 * samples, and its result depends on the guidance scale, so it runs once per scale on the shared samples.
 */
public interface SampleQualityEvaluator extends Evaluator {

    @Override
    default Set<ModelCapability> requires() {
        return Set.of(ModelCapability.SAMPLING);
    }

    @Override
    default boolean guided() {
        return true;
    }
}
