package org.acdit4j.framework.dsl;

import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelSectionTest {

    @Test
    void defaultsAndOverrides() {
        assertThat(spec().model().width()).isEqualTo(64);
        assertThat(spec().model().rope()).isEqualTo("multi-axis");
        assertThat(spec("model.depth=6", "model.rope=1d").model().depth()).isEqualTo(6);
        assertThat(spec("model.labelDropout=0.2").model().labelDropout()).isEqualTo(0.2);
    }

    @Test
    void everyValidationError() {
        assertProblem("model.name= ", "model.name: must name a model");
        assertProblem("model.width=-2", "model.width: must be positive, got -2");
        assertProblem("model.depth=0", "model.depth: must be positive, got 0");
        assertProblem("model.heads=3", "model.heads: must divide model.width (64), got 3");
        assertProblem("model.patch=3", "model.patch: must divide data.size (16), got 3");
        assertProblem("model.blockSize=0", "model.blockSize: must be at least 1 token, got 0");
        assertProblem("model.blockSize=65", "model.blockSize: must be at most the 64 tokens of a 16x16 image at patch 2, got 65");
        assertProblem("model.blockShape=diagonal", "model.blockShape: must be one of square, rows, got 'diagonal'");
        assertProblem("model.rope=2d", "model.rope: must be one of multi-axis, 1d, none, got '2d'");
        assertProblem("model.context=dirty", "model.context: must be one of clean, noisy, got 'dirty'");
        assertProblem("model.labelDropout=1", "model.labelDropout: must be in [0, 1), got 1.0");
        assertProblem("model.mlpRatio=0", "model.mlpRatio: must be at least 1, got 0");
    }

    @Test
    void headsAndPatchZeroAreReportedWithoutFollowUpErrors() {
        assertProblem("model.heads=0", "model.heads: must be positive, got 0");
        assertProblem("model.patch=0", "model.patch: must be positive, got 0");
    }
}
