package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.spec.ExperimentSpec;

/** A small experiment of one model plugin, for the tests of its keys: specs of overrides and their problems. */
public record SectionKeys(ExperimentDefinition experiment) {

    public ExperimentSpec spec(String... overrides) {
        return experiment.spec(null, List.of(overrides));
    }

    /** Asserts that {@code override} fails with exactly one problem, {@code problem}. */
    public void assertProblem(String override, String problem) {
        assertThatThrownBy(() -> spec(override)).isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).containsExactly(problem));
    }
}
