package org.acdit4j.framework.dsl;

import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.testing.TestSampling;
import org.junit.jupiter.api.Test;

class SampleSectionTest {

    @Test
    void sharedKeysAndThePluginsSamplerKeysLiveUnderSample() {
        assertThat(spec().sample().sampler()).isEqualTo(new TestSampling("ddim", 25));
        assertThat(spec("sample.kvCache=false").sample().kvCache()).isFalse();
        assertThat(spec("sample.solver=euler", "sample.steps=3").sample().sampler()).isEqualTo(new TestSampling("euler", 3));
        assertThat(spec("sample.guidance=2.5").sample().guidance()).isEqualTo(2.5);
    }

    @Test
    void everyValidationError() {
        assertProblem("sample.guidance=-1", "sample.guidance: must be >= 0, got -1.0");
        assertProblem("sample.batch=0", "sample.batch: must be at least 1, got 0");
        assertProblem("sample.kvCache=yes", "sample.kvCache: expected true or false, got 'yes'");
    }
}
