package org.acdit4j.model.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SolverTest {

    @Test
    void eachSolverReadsBackFromItsText() {
        for (Solver solver : Solver.values()) {
            assertThat(Solver.parse(solver.toString())).isEqualTo(solver);
        }
        assertThat(Solver.DPM_SOLVER_PLUS_PLUS).hasToString("dpm-solver++");
    }

    @Test
    void anUnknownTextListsTheSolvers() {
        assertThatThrownBy(() -> Solver.parse("rk4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of ddim, dpm-solver++, euler, heun, got 'rk4'");
    }
}
