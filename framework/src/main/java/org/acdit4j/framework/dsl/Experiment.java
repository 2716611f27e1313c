package org.acdit4j.framework.dsl;

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

    private Experiment() {
    }

    public static ExperimentDefinition define(String name, Customizer<ExperimentBuilder> recipe) {
        return new ExperimentDefinition(name, recipe);
    }
}
