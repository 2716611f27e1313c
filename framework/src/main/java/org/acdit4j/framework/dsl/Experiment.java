package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.model.ModelType;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * Entry point of the DSL:
 * <pre>{@code
 * Experiment.define("block-size-tradeoff", e -> e
 *     .data(d -> d.name("fashion-mnist").size(32))
 *     .model(m -> m.width(128).depth(4).heads(4).patch(4))
 *     .sweep(s -> s.grid("model.blockSize", 1, 4, 16, 64).seeds(0, 1, 2)));
 * }</pre>
 */
public final class Experiment {

    /** The stored configuration's key naming the experiment a run belongs to. */
    public static final String RUN_EXPERIMENT = "run.experiment";
    /** The sections of a stored configuration that make a run's model and its samples. */
    private static final List<String> STORED_SECTIONS = List.of("data.", "model.", "train.", "sample.", "evaluate.");
    /** The sections of a frozen run's values that make its spec: those of a stored configuration and its tracking. */
    private static final List<String> FROZEN_SECTIONS = List.of("data.", "model.", "train.", "sample.", "evaluate.",
            "track.");

    private Experiment() {
    }

    public static ExperimentDefinition define(String name, Customizer<ExperimentBuilder> recipe) {
        return new ExperimentDefinition(name, recipe);
    }

    /**
     * The spec of a stored run {@code configuration} (a run folder's {@code config.yaml} or a checkpoint's): its data,
     * model, train, sample and evaluate keys on {@code type}'s sections, without the definition that produced it.
     *
     * @throws SpecException when a stored key or value is not valid for today's plugin
     */
    public static ExperimentSpec fromConfiguration(ModelType<?, ?> type, Map<String, String> configuration) {
        String experiment = configuration.getOrDefault(RUN_EXPERIMENT, "stored run");
        return fromValues(type, experiment, "", configuration, STORED_SECTIONS,
                "stored configuration of " + configuration.getOrDefault(RUN_EXPERIMENT, "a run"));
    }

    /**
     * The spec of a frozen run (a run folder's {@code run-spec.json}) from its resolved {@code values}, without the
     * definition's recipe: its data, model, train, sample, evaluate and track keys on {@code type}'s sections, under
     * {@code experiment} and its {@code description}. Its sweep and report are empty: they belong to the sweep, not to
     * a run.
     *
     * @throws SpecException when a frozen key or value is not valid for today's plugin
     */
    public static ExperimentSpec frozen(ModelType<?, ?> type, String experiment, String description,
                                        Map<String, String> values) {
        return fromValues(type, experiment, description, values, FROZEN_SECTIONS, "frozen run of " + experiment);
    }

    private static ExperimentSpec fromValues(ModelType<?, ?> type, String experiment, String description,
                                             Map<String, String> values, List<String> sections, String what) {
        ExperimentBuilder builder = new ExperimentBuilder(experiment).description(description);
        builder.select(type);
        List<String> assignments = new ArrayList<>();
        values.forEach((key, value) -> {
            if (sections.stream().anyMatch(key::startsWith) && !key.equals(ExperimentBuilder.MODEL_NAME)) {
                assignments.add(key + "=" + value);
            }
        });
        Problems problems = new Problems();
        builder.apply(assignments, problems);
        problems.throwIfAny(what);
        return builder.build();
    }
}
