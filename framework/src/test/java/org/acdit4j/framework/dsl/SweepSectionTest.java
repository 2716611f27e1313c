package org.acdit4j.framework.dsl;

import org.acdit4j.framework.testing.TestModelConfig;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.testing.TestRope;
import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
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
    void casesFromTheCommandLineAreCrossedWithTheGridAndNameTheRuns() {
        ExperimentDefinition definition = Experiment.define("cases", e -> e
                .data(d -> d.name("synthetic-shapes").size(8))
                .model(TestModelType.TYPE, m -> m.patch(2).blockSize(4))
                .sweep(s -> s.grid("model.depth", 1, 2)));
        java.util.List<RunPlan> plans = SweepPlanner.plan(definition, null,
                java.util.List.of("sweep.cases=model.patch=2 model.blockSize=16; model.patch=4 model.blockSize=4"));

        assertThat(plans).extracting(RunPlan::name).containsExactly("patch2-blockSize16-depth1-seed0",
                "patch2-blockSize16-depth2-seed0", "patch4-blockSize4-depth1-seed0", "patch4-blockSize4-depth2-seed0");
        assertThat(plans.get(3).spec().model().config())
                .isEqualTo(new TestModelConfig(64, 2, 2, 4, 4, TestRope.MULTI_AXIS));
        assertThat(plans.get(0).spec().sweep().sweptKeys()).containsExactly("model.patch", "model.blockSize", "model.depth");
    }

    @Test
    void everyValidationError() {
        assertProblem("sweep.cases=model.patch=4; model.patch=4", "sweep.cases[1]: repeats case 0 {model.patch=4}");
        assertProblem("sweep.cases=model.patch=x", "sweep.cases[0]: model.patch: expected an integer, got 'x'");
        assertProblem("sweep.cases=model.ptch=2", "sweep.cases[0]: model.ptch: unknown key; did you mean model.patch?");
        assertProblem("sweep.cases=model.patch",
                "sweep.cases[0]: model.patch: an override must look like key=value (e.g. model.depth=6)");
        assertProblem("sweep.cases=model.blockSize=16", "sweep.cases[0]: model.blockSize is also a grid axis; set it in one place (sweep.cases= clears the cases)");
        assertProblem("sweep.seeds=", "sweep.seeds: must list at least one seed");
        assertProblem("sweep.seeds=1,1", "sweep.seeds: must not repeat a seed, got [1, 1]");
        assertProblem("sweep.grid.model.blockSize=4,4", "sweep.grid.model.blockSize: must not repeat a value, got [4, 4]");
        assertProblem("sweep.grid.model.blockSize=4,x", "sweep.grid.model.blockSize: expected an integer, got 'x'");
        assertProblem("sweep.grid.model.blockSize=", "sweep.grid.model.blockSize: must list at least one value");
        assertProblem("sweep.grid.model.dpth=1", "sweep.grid.model.dpth: unknown key; did you mean model.depth?");
    }
}
