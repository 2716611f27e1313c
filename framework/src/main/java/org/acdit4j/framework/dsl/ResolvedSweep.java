package org.acdit4j.framework.dsl;

import java.util.List;
import java.util.Map;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.SweepCase;

/**
 * The sweep of one definition under a preset and overrides, with what its cases change worked out once
 * ({@link ExperimentDefinition#sweep}: the recipe once, and once more beside each case's recipe). Each
 * {@link #configuration} runs the recipe once more, so planning a sweep of {@code n} configurations and {@code c} cases
 * runs the recipe {@code 1 + c + n} times and each case's recipe once.
 */
public final class ResolvedSweep {

    private final ExperimentDefinition definition;
    private final String preset;
    private final List<String> overrides;
    private final List<SweepCase> cases;
    private final ExperimentBuilder unswept;
    private final ExperimentSpec spec;

    ResolvedSweep(ExperimentDefinition definition, String preset, List<String> overrides, List<SweepCase> cases,
                  ExperimentBuilder unswept) {
        this.definition = definition;
        this.preset = preset;
        this.overrides = List.copyOf(overrides);
        this.cases = List.copyOf(cases);
        this.unswept = unswept;
        this.spec = unswept.build();
    }

    /** The experiment's spec without a swept value: its sweep, report and tracking settings. */
    public ExperimentSpec spec() {
        return spec;
    }

    /** Every key with its resolved value when nothing is swept, sorted by key. */
    public Map<String, String> values() {
        return unswept.values();
    }

    /**
     * The configuration that {@code assignment} (swept key → value) selects: its label, its spec and its values.
     *
     * @throws SpecException when the definition does not accept the assignment
     */
    public ResolvedConfiguration configuration(Map<String, String> assignment) {
        ExperimentBuilder builder = configured(assignment);
        return new ResolvedConfiguration(builder.label(assignment, spec.sweep().sweptKeys()), builder.build(),
                builder.values());
    }

    /** The builder holding the configuration of {@code assignment}, validated. */
    ExperimentBuilder configured(Map<String, String> assignment) {
        return definition.configured(preset, overrides, cases, unswept, assignment);
    }
}
