package org.acdit4j.framework.dsl;

import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleSectionTest {

    @Test
    void defaultsAndOverrides() {
        assertThat(spec().sample().solver()).isEqualTo("ddim");
        assertThat(spec().sample().steps()).isEqualTo(25);
        assertThat(spec("sample.kvCache=false").sample().kvCache()).isFalse();
        assertThat(spec("sample.solver=dpm-solver++").sample().solver()).isEqualTo("dpm-solver++");
    }

    @Test
    void everyValidationError() {
        assertProblem("sample.solver=euler", "sample.solver: must be one of ddim, dpm-solver++, got 'euler'");
        assertProblem("sample.steps=0", "sample.steps: must be between 1 and 1000, got 0");
        assertProblem("sample.guidance=-1", "sample.guidance: must be >= 0, got -1.0");
        assertProblem("sample.batch=0", "sample.batch: must be at least 1, got 0");
        assertProblem("sample.kvCache=yes", "sample.kvCache: expected true or false, got 'yes'");
    }
}
