package org.acdit4j.framework.dsl;

import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.acdit4j.framework.testing.TestModelConfig;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.testing.TestRope;
import org.junit.jupiter.api.Test;

class ModelSectionTest {

    @Test
    void thePluginsSectionHoldsTheModelKeys() {
        assertThat(spec().model().name()).isEqualTo(TestModelType.NAME);
        assertThat(spec("model.depth=6").model().config())
                .isEqualTo(new TestModelConfig(64, 6, 2, 2, 4, TestRope.MULTI_AXIS));
        assertThat(DslFixture.EXPERIMENT.keys()).contains("model.name", "model.width", "model.blockSize", "sample.steps",
                "sample.guidance");
    }

    @Test
    void thePluginValidatesItsOwnKeysAgainstTheData() {
        assertProblem("model.heads=3", "model.heads: must divide model.width (64), got 3");
        assertProblem("model.blockSize=65", "model.blockSize: must be at most the 64 tokens, got 65");
        assertProblem("sample.steps=0", "sample.steps: must be at least 1, got 0");
    }

    @Test
    void modelNameSelectsOnlyATypeTheDefinitionMentions() {
        assertProblem("model.name=gan", "model.name: unknown model 'gan'; this experiment defines class-mean");
        assertThat(spec("model.name=" + TestModelType.NAME, "model.width=32").model().config())
                .isEqualTo(new TestModelConfig(32, 2, 2, 2, 4, TestRope.MULTI_AXIS));
    }

    @Test
    void aDefinitionWithoutModelSaysHowToChooseOne() {
        assertThatThrownBy(() -> Experiment.define("no-model", e -> e.data(d -> d.size(8))).spec(null, List.of()))
                .hasMessageContaining("model: no model selected; choose one with e.model(<plugin type>, m -> …)");
    }
}
