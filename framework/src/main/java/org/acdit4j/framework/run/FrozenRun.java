package org.acdit4j.framework.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.framework.model.ModelType;

/**
 * A run's plan as planning made it, the content of its folder's {@code run-spec.json} ({@link RunFolder#freeze}):
 * which run it is ({@code experiment}, {@code index}, {@code name}, {@code label}, {@code seed}), where its
 * configuration came from ({@code preset}, {@code overrides}, the swept {@code assignments}) and the configuration
 * itself, every dotted key with its resolved {@code values}. Everything after planning reads it instead of running the
 * definition's recipe again: {@link #plan} rebuilds the typed spec from the values alone.
 */
public record FrozenRun(String experiment, String description, int index, String name, String label, long seed,
                        String preset, List<String> overrides, Map<String, String> assignments,
                        Map<String, String> values) {

    public FrozenRun {
        overrides = List.copyOf(overrides);
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));   // in swept-key order
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The frozen form of {@code plan}. */
    public static FrozenRun of(RunPlan plan) {
        return new FrozenRun(plan.spec().name(), plan.spec().description(), plan.index(), plan.name(), plan.label(),
                plan.seed(), plan.preset(), plan.overrides(), plan.assignments(), plan.values());
    }

    /** The model plugin the run trains, by the name {@link ModelType#name()} gives it. */
    public String modelName() {
        return values.getOrDefault(ExperimentBuilder.MODEL_NAME, "");
    }

    /**
     * The plan again, its spec built from the frozen values on {@code type} (the plugin {@link #modelName()} names)
     * without the definition; the spec's sweep and report are empty, as they belong to the sweep.
     *
     * @throws org.acdit4j.framework.dsl.SpecException when a frozen value is not valid for today's plugin
     */
    public RunPlan plan(ModelType<?, ?> type) {
        return new RunPlan(index, name, label, assignments, seed, Experiment.frozen(type, experiment, description, values),
                values, preset, overrides);
    }
}
