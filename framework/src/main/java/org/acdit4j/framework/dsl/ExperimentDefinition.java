package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.SweepCase;

/**
 * A named experiment recipe. Each call to {@link #spec} runs the recipe on a fresh builder, applies the
 * preset and then the command-line overrides, works out what each sweep case changes, and validates the result.
 * The recipe's body is what runs without a preset.
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
        return spec(preset, overrides, Map.of());
    }

    /**
     * The spec of one plan of the sweep: as {@link #spec(String, List)}, then the plan's swept {@code assignment}
     * (dotted key → value). The sweep itself, and so what the cases change, is that of the experiment.
     */
    public ExperimentSpec spec(String preset, List<String> overrides, Map<String, String> assignment) {
        return configured(preset, overrides, assignment).build();
    }

    /** All keys with their resolved values, sorted by key, for printing the effective configuration. */
    public Map<String, String> resolvedValues(String preset, List<String> overrides) {
        return resolvedValues(preset, overrides, Map.of());
    }

    /** All keys with their resolved values for one plan of the sweep, sorted by key, as its run folder stores them. */
    public Map<String, String> resolvedValues(String preset, List<String> overrides, Map<String, String> assignment) {
        return configured(preset, overrides, assignment).values();
    }

    /** Readable labels of the configurations of this sweep (a preset, or {@code null}, and overrides). */
    public ConfigurationLabels labels(String preset, List<String> overrides) {
        return new ConfigurationLabels(sweep(preset, overrides));
    }

    /**
     * The sweep of a preset ({@code null} or blank for none) and overrides with its cases worked out once, which
     * resolves each of its configurations running the recipe once more (planning's cost).
     *
     * @throws SpecException listing every problem of the configuration without a swept value
     */
    public ResolvedSweep sweep(String preset, List<String> overrides) {
        Problems problems = new Problems();
        ExperimentBuilder builder = base(preset, overrides, problems);
        List<SweepCase> cases = cases(builder, preset, overrides, problems);
        return new ResolvedSweep(this, preset, overrides, cases, configured(builder, cases, Map.of(), problems));
    }

    ExperimentBuilder configured(String preset, List<String> overrides, Map<String, String> assignment) {
        Problems problems = new Problems();
        ExperimentBuilder builder = base(preset, overrides, problems);
        return configured(builder, cases(builder, preset, overrides, problems), assignment, problems);
    }

    /**
     * A fresh recipe under {@code preset} and {@code overrides} with {@code cases} already worked out, and the models
     * they name from {@code resolved}, then {@code assignment}.
     */
    ExperimentBuilder configured(String preset, List<String> overrides, List<SweepCase> cases,
                                 ExperimentBuilder resolved, Map<String, String> assignment) {
        Problems problems = new Problems();
        ExperimentBuilder builder = base(preset, overrides, problems);
        builder.mentionTypesOf(resolved);
        return configured(builder, cases, assignment, problems);
    }

    private ExperimentBuilder configured(ExperimentBuilder builder, List<SweepCase> cases,
                                         Map<String, String> assignment, Problems problems) {
        builder.resolveCases(cases);
        List<String> planAssignments = new ArrayList<>();
        assignment.forEach((key, value) -> planAssignments.add(key + "=" + value));
        builder.apply(planAssignments, problems);
        builder.validateInto(problems);
        problems.throwIfAny("experiment '" + name + "'");
        return builder;
    }

    /** The recipe, then the preset, then the overrides. */
    private ExperimentBuilder base(String preset, List<String> overrides, Problems problems) {
        ExperimentBuilder builder = fresh();
        if (preset != null && !preset.isBlank()) {
            Customizer<ExperimentBuilder> settings = builder.presets().get(preset);
            if (settings == null) {
                problems.add("--preset", "unknown preset '" + preset + "' for " + name + "; known: "
                        + (builder.presets().isEmpty() ? "(none)" : String.join(", ", builder.presets().keySet())));
            } else {
                settings.customize(builder);
            }
        }
        builder.apply(overrides, problems);
        return builder;
    }

    /**
     * What each case changes, and its name: the keys whose value differs, in any case, from the configuration without
     * cases, with each case's values of them (a key a case's model does not have is left out of that case). A case of
     * the body's own model does not assign {@code model.name}, so its run keeps the name it has without a case of
     * another model beside it; a case of another model also implies the rest of that model's section it resolved and
     * that plugin's own keys (which the body does not have, so they are not swept).
     */
    private List<SweepCase> cases(ExperimentBuilder resolved, String preset, List<String> overrides,
                                                      Problems problems) {
        List<Customizer<CaseBuilder>> recipes = resolved.caseRecipes();
        Map<String, String> without = resolved.orderedValues();
        List<Map<String, String>> with = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            ExperimentBuilder copy = base(preset, overrides, new Problems());
            Problems caseProblems = new Problems();
            CaseBuilder recipe = new CaseBuilder(copy, caseProblems);
            recipes.get(i).customize(recipe);
            for (String message : caseProblems.messages()) {
                problems.add(SweepSection.CASES_KEY + "[" + i + "]", message);
            }
            with.add(copy.orderedValues());
            names.add(recipe.name());
            resolved.mentionTypesOf(copy);
        }
        Set<String> keys = new LinkedHashSet<>(without.keySet());      // section and field order: run names follow it
        with.forEach(values -> keys.addAll(values.keySet()));
        List<String> changed = keys.stream().filter(key -> !key.startsWith("sweep."))
                .filter(key -> without.containsKey(key) || key.equals(ExperimentBuilder.MODEL_NAME))
                .filter(key -> with.stream().anyMatch(values -> values.containsKey(key)
                        && !Objects.equals(without.get(key), values.get(key))))
                .toList();
        List<SweepCase> cases = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) {
            Map<String, String> values = with.get(i);
            boolean otherModel = !Objects.equals(without.get(ExperimentBuilder.MODEL_NAME), values.get(ExperimentBuilder.MODEL_NAME));
            Map<String, String> assignment = new LinkedHashMap<>();
            changed.stream().filter(values::containsKey)
                    .filter(key -> otherModel || !key.equals(ExperimentBuilder.MODEL_NAME))     // the body's model goes unnamed
                    .forEach(key -> assignment.put(key, values.get(key)));
            Map<String, String> implied = new LinkedHashMap<>();
            if (otherModel) {
                values.forEach((key, value) -> {
                    if (!assignment.containsKey(key) && (key.startsWith("model.") || !without.containsKey(key))) {
                        implied.put(key, value);
                    }
                });
            }
            cases.add(new SweepCase(names.get(i), assignment, implied));
        }
        return cases;
    }

    private ExperimentBuilder fresh() {
        ExperimentBuilder builder = new ExperimentBuilder(name);
        recipe.customize(builder);
        return builder;
    }
}
