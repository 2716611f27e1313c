package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * A named experiment recipe. Each call to {@link #spec} runs the recipe on a fresh builder, applies the
 * preset and then the command-line overrides, and validates the result.
 */
public final class ExperimentDefinition {

    private final String name;
    private final Customizer<ExperimentBuilder> recipe;

    ExperimentDefinition(String name, Customizer<ExperimentBuilder> recipe) {
        this.name = name;
        this.recipe = recipe;
    }

    public String name() {
        return name;
    }

    public String description() {
        return fresh().description();
    }

    public Set<String> presets() {
        return fresh().presets().keySet();
    }

    /** Every dotted key this experiment accepts. */
    public List<String> keys() {
        return fresh().keys();
    }

    /**
     * The validated spec for a preset ({@code null} or blank for none) and {@code key=value} overrides.
     *
     * @throws SpecException listing every problem (unknown preset, unknown or mistyped keys, invalid values)
     */
    public ExperimentSpec spec(String preset, List<String> overrides) {
        return configured(preset, overrides).build();
    }

    /** All keys with their resolved values, for printing the effective configuration. */
    public Map<String, String> resolvedValues(String preset, List<String> overrides) {
        ExperimentBuilder builder = configured(preset, overrides);
        builder.build();
        return builder.values();
    }

    private ExperimentBuilder configured(String preset, List<String> overrides) {
        ExperimentBuilder builder = fresh();
        Problems problems = new Problems();
        List<String> all = new ArrayList<>();
        if (preset != null && !preset.isBlank()) {
            List<String> presetOverrides = builder.presets().get(preset);
            if (presetOverrides == null) {
                problems.add("--preset", "unknown preset '" + preset + "' for " + name + "; known: "
                        + (builder.presets().isEmpty() ? "(none)" : String.join(", ", builder.presets().keySet())));
            } else {
                all.addAll(presetOverrides);
            }
        }
        all.addAll(overrides);
        builder.apply(all, problems);
        builder.validateInto(problems);
        problems.throwIfAny("experiment '" + name + "'");
        return builder;
    }

    private ExperimentBuilder fresh() {
        ExperimentBuilder builder = new ExperimentBuilder(name);
        recipe.customize(builder);
        return builder;
    }
}
