package org.acdit4j.framework.run;

import java.util.Map;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * A run's expected training cost before it starts: its model plugin's analytic FLOPs per step times its steps. A
 * sweep starts its costliest runs first, so that when fewer workers than runs share the cores the long runs do not
 * come last and the workers finish close together (longest processing time first).
 */
public final class TrainingCost {

    private final Map<String, DatasetFactory> datasets;
    private final Map<String, ModelFactory> models;

    public TrainingCost(Map<String, DatasetFactory> datasets, Map<String, ModelFactory> models) {
        this.datasets = datasets;
        this.models = models;
    }

    /** The training FLOPs of {@code plan}; its dataset and model plugin are registered (the preflight checked). */
    public double of(RunPlan plan) {
        ExperimentSpec spec = plan.spec();
        ModelFactory model = models.get(spec.model().name());
        DatasetFactory dataset = datasets.get(spec.data().name());
        return model.trainFlopsPerStep(spec.model().config(), spec.train(), dataset.geometry(spec.data()))
                * spec.train().steps();
    }
}
