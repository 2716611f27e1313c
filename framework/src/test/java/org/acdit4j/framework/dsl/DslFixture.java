package org.acdit4j.framework.dsl;

import org.acdit4j.framework.testing.TestModelType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.MetricName;

/** A small experiment and helpers to assert on the problems an override produces. */
final class DslFixture {

    static final ExperimentDefinition EXPERIMENT = Experiment.define("fixture", e -> e
            .description("a fixture")
            .data(d -> d.name("synthetic-shapes").size(16))
            .model(TestModelType.TYPE, m -> m.width(64).depth(2).heads(2).patch(2).blockSize(4))
            .train(t -> t.steps(100).batch(8).warmupSteps(10))
            .sweep(s -> s.grid("model.blockSize", 1, 4, 64).seeds(0, 1))
            .report(r -> r.plot(new MetricName("fid"), "model.blockSize"))
            .preset("quick", p -> p.train(t -> t.steps(20).warmupSteps(2))));

    private DslFixture() {
    }

    static ExperimentSpec spec(String... overrides) {
        return EXPERIMENT.spec(null, List.of(overrides));
    }

    /** Asserts that {@code override} fails with exactly one problem equal to {@code problem}. */
    static void assertProblem(String override, String problem) {
        assertThatThrownBy(() -> spec(override))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SpecException) e).problems())
                        .containsExactly(problem));
    }
}
