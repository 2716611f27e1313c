package org.acdit4j.framework.dsl;

import org.acdit4j.framework.testing.TestModelType;
import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluateSectionTest {

    @Test
    void usesAccumulateOnceAndListsOverride() {
        ExperimentDefinition twice = Experiment.define("twice", e -> e.model(TestModelType.TYPE, Customizer.withDefaults())
                .evaluate(v -> v.use("fid").use("precision-recall"))
                .evaluate(v -> v.use("fid")));
        assertThat(twice.spec(null, List.of()).evaluate().evaluators()).containsExactly("fid", "precision-recall");
        assertThat(spec("evaluate.evaluators=fid,linear-probe").evaluate().evaluators())
                .containsExactly("fid", "linear-probe");
        assertThat(spec("evaluate.guidances=1,2.5").evaluate().guidances()).containsExactly(1.0, 2.5);
    }

    @Test
    void everyValidationError() {
        assertProblem("evaluate.samples=5", "evaluate.samples: must be at least 10, got 5");
        assertProblem("evaluate.guidances=", "evaluate.guidances: must list at least one guidance scale");
        assertProblem("evaluate.guidances=-1", "evaluate.guidances: must be >= 0, got -1.0");
        assertProblem("evaluate.guidances=1,x", "evaluate.guidances: expected a number, got '1,x'");
    }
}
