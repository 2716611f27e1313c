package org.acdit4j.framework.dsl;

import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.spec.SweepAxis;
import org.junit.jupiter.api.Test;

class SweepSectionTest {

    @Test
    void gridAndSeedsFromTheRecipeAndTheCommandLine() {
        assertThat(spec().sweep().axes()).containsExactly(new SweepAxis("model.blockSize", java.util.List.of("1", "4", "64")));
        assertThat(spec().sweep().seeds()).containsExactly(0L, 1L);
        assertThat(spec("sweep.grid.model.blockSize=16", "sweep.seeds=5").sweep().axes().get(0).values())
                .containsExactly("16");
        assertThat(spec("sweep.seeds=5,6,7").sweep().seeds()).containsExactly(5L, 6L, 7L);
    }

    @Test
    void everyValidationError() {
        assertProblem("sweep.seeds=", "sweep.seeds: must list at least one seed");
        assertProblem("sweep.seeds=1,1", "sweep.seeds: must not repeat a seed, got [1, 1]");
        assertProblem("sweep.grid.model.blockSize=4,4", "sweep.grid.model.blockSize: must not repeat a value, got [4, 4]");
        assertProblem("sweep.grid.model.blockSize=4,x", "sweep.grid.model.blockSize: expected an integer, got 'x'");
        assertProblem("sweep.grid.model.blockSize=", "sweep.grid.model.blockSize: must list at least one value");
        assertProblem("sweep.grid.model.dpth=1", "sweep.grid.model.dpth: unknown key; did you mean model.depth?");
    }
}
