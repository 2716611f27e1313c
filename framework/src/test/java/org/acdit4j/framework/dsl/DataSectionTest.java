package org.acdit4j.framework.dsl;

import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataSectionTest {

    @Test
    void defaultsAndOverrides() {
        assertThat(spec().data().name()).isEqualTo("synthetic-shapes");
        assertThat(spec("data.size=32", "data.source=/idx").data().size()).isEqualTo(32);
        assertThat(spec("data.source=/idx").data().source()).isEqualTo("/idx");
    }

    @Test
    void everyValidationError() {
        assertProblem("data.name=", "data.name: must name a dataset");
        assertProblem("data.size=4", "data.size: must be between 8 and 256, got 4");
        assertProblem("data.size=big", "data.size: expected an integer, got 'big'");
    }
}
