package org.acdit4j.framework.run;

import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.testing.TestModelConfig;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.testing.TestSampling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.junit.jupiter.api.Test;

class SweepPlannerTest {

    private final ExperimentDefinition experiment = Experiment.define("grid", e -> e
            .data(d -> d.size(16))
            .model(TestModelType.TYPE, m -> m.patch(2))
            .sweep(s -> s.grid("model.blockSize", 1, 16).grid("sample.solver", "ddim", "dpm-solver++").seeds(3, 4)));

    @Test
    void expandsTheGridTimesSeedsWithStableNames() {
        List<RunPlan> plans = SweepPlanner.plan(experiment, null, List.of());

        assertThat(plans).extracting(RunPlan::name).containsExactly(
                "blockSize1-solverddim-seed3", "blockSize1-solverdpm_solver_-seed3",
                "blockSize16-solverddim-seed3", "blockSize16-solverdpm_solver_-seed3",
                "blockSize1-solverddim-seed4", "blockSize1-solverdpm_solver_-seed4",
                "blockSize16-solverddim-seed4", "blockSize16-solverdpm_solver_-seed4");
        assertThat(plans).extracting(RunPlan::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        RunPlan third = plans.get(2);
        assertThat(((TestModelConfig) third.spec().model().config()).blockSize()).isEqualTo(16);
        assertThat(third.spec().sample().sampler()).isEqualTo(new TestSampling("ddim", 25));
        assertThat(third.seed()).isEqualTo(3);
        assertThat(third.assignments()).containsExactly(entry("model.blockSize", "16"), entry("sample.solver", "ddim"));
        assertThat(third.overrides()).isEmpty();
    }

    @Test
    void planningTwiceGivesTheSameRuns() {
        assertThat(SweepPlanner.plan(experiment, null, List.of("train.steps=500")))
                .usingRecursiveComparison()
                .isEqualTo(SweepPlanner.plan(experiment, null, List.of("train.steps=500")));
    }

    @Test
    void planningRunsTheRecipeOncePerConfigurationAndOnceMoreWithEachCase() {
        AtomicInteger recipes = new AtomicInteger();
        AtomicInteger caseRecipes = new AtomicInteger();
        ExperimentDefinition counted = Experiment.define("counted", e -> {
            recipes.incrementAndGet();
            e.data(d -> d.size(16)).model(TestModelType.TYPE, m -> m.patch(2)).sweep(s -> s
                    .cases(c -> {
                        caseRecipes.incrementAndGet();
                        c.model(TestModelType.TYPE, m -> m.blockSize(1));
                    }, c -> {
                        caseRecipes.incrementAndGet();
                        c.model(TestModelType.TYPE, m -> m.blockSize(16));
                    })
                    .grid("sample.solver", "ddim", "dpm-solver++").seeds(0, 1));
        });

        List<RunPlan> plans = SweepPlanner.plan(counted, null, List.of());

        assertThat(plans).hasSize(8);
        assertThat(recipes).as("once without a swept value, once beside each case, once per configuration")
                .hasValue(1 + 2 + 4);
        assertThat(caseRecipes).hasValue(2);
    }

    @Test
    void eachPlanCarriesTheValuesItsRunFolderStores() {
        RunPlan plan = SweepPlanner.plan(experiment, null, List.of("train.steps=500")).get(2);

        assertThat(plan.values()).isEqualTo(experiment.resolvedValues(null, List.of("train.steps=500"),
                plan.assignments()));
        assertThat(plan.values()).containsEntry("model.blockSize", "16").containsEntry("train.steps", "500");
    }

    @Test
    void withoutAGridThereIsOneRunPerSeed() {
        ExperimentDefinition single = Experiment.define("single", e -> e.model(TestModelType.TYPE, Customizer.withDefaults()).sweep(s -> s.seeds(0, 1)));
        assertThat(SweepPlanner.plan(single, null, List.of())).extracting(RunPlan::name).containsExactly("seed0", "seed1");
    }
}
