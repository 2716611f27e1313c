package org.acdit4j.framework.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.spec.SweepCase;
import org.acdit4j.framework.testing.TestModelType;
import org.junit.jupiter.api.Test;

/** Configuration labels: a case's name, else the model plugin's description, else the keys; each label once. */
class CaseLabelsTest {

    private static final ExperimentDefinition NAMED = Experiment.define("named", e -> e
            .data(d -> d.name("synthetic-shapes").size(16))
            .model(TestModelType.TYPE, m -> m.patch(2).blockSize(4))
            .sweep(s -> s.cases(c -> c.named("  one block  ").model(TestModelType.TYPE, m -> m.blockSize(64)),
                    c -> c.model(TestModelType.TYPE, m -> m.blockSize(1).depth(3)))));

    @Test
    void aNamedCaseIsLabelledByItsNameAnUnnamedOneByItsKeys() {
        assertThat(NAMED.spec(null, List.of()).sweep().cases()).containsExactly(
                new SweepCase("one block", java.util.Map.of("model.depth", "2", "model.blockSize", "64")),
                new SweepCase("", java.util.Map.of("model.depth", "3", "model.blockSize", "1")));
        assertThat(SweepPlanner.plan(NAMED, null, List.of())).extracting(RunPlan::label)
                .containsExactly("one block", "model.depth=3, model.blockSize=1");
    }

    @Test
    void aGridCrossedWithNamedCasesAddsThePluginsDescriptionOrTheKey() {
        assertThat(SweepPlanner.plan(NAMED, null, List.of("sweep.grid.model.rope=none,1d", "sweep.grid.train.lr=0.01")))
                .extracting(RunPlan::label).containsExactly("one block, no positions, train.lr=0.01",
                        "one block, 1d positions, train.lr=0.01", "model.depth=3, model.blockSize=1, no positions, train.lr=0.01",
                        "model.depth=3, model.blockSize=1, 1d positions, train.lr=0.01");
    }

    @Test
    void commandLineCasesGetThePluginsLabelOrTheKeys() {
        List<RunPlan> plans = SweepPlanner.plan(NAMED, null,
                List.of("sweep.cases=model.rope=none model.width=32; model.rope=1d model.width=32"));

        assertThat(plans).extracting(RunPlan::label).containsExactly("model.width=32, no positions", "model.width=32, 1d positions");
        assertThat(SweepPlanner.plan(DslFixture.EXPERIMENT, null, List.of())).extracting(RunPlan::label)
                .startsWith("model.blockSize=1", "model.blockSize=4", "model.blockSize=64");
        ExperimentDefinition unswept = Experiment.define("unswept", e -> e.model(TestModelType.TYPE, Customizer.withDefaults()));
        assertThat(SweepPlanner.plan(unswept, null, List.of()).get(0).label()).isEmpty();
    }

    @Test
    void twoCasesMayNotShareANameAndNoNameMayBeBlank() {
        ExperimentDefinition twice = Experiment.define("twice", e -> e
                .data(d -> d.size(16)).model(TestModelType.TYPE, m -> m.patch(2))
                .sweep(s -> s.cases(c -> c.named("big").model(TestModelType.TYPE, m -> m.blockSize(16)),
                        c -> c.named("big").model(TestModelType.TYPE, m -> m.blockSize(64)),
                        c -> c.named(" ").model(TestModelType.TYPE, m -> m.blockSize(1)))));

        assertThatThrownBy(() -> twice.spec(null, List.of())).isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).containsExactly(
                        "sweep.cases[2]: named: a case's name must not be blank",
                        "sweep.cases[1]: has the name of case 0 'big'; names label the configurations, so each case "
                                + "needs its own"));
    }

    @Test
    void twoConfigurationsWithOneLabelStopThePlanning() {
        ExperimentDefinition clash = Experiment.define("clash", e -> e
                .data(d -> d.size(16)).model(TestModelType.TYPE, m -> m.patch(2))
                .sweep(s -> s.cases(c -> c.named("model.blockSize=64").model(TestModelType.TYPE, m -> m.blockSize(16)),
                        c -> c.model(TestModelType.TYPE, m -> m.blockSize(64)))));

        assertThatThrownBy(() -> SweepPlanner.plan(clash, null, List.of())).isInstanceOf(SpecException.class)
                .hasMessage("experiment 'clash': sweep: {model.blockSize=16} and {model.blockSize=64} are both labelled "
                        + "'model.blockSize=64'; give the cases distinct names (c.named(…))");
    }
}
