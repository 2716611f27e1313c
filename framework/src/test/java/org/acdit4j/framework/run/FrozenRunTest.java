package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan frozen into its run folder: written once, the typed spec rebuilt from it without the definition, and read back
 * as the folder's stored plan (as is the plan of a folder older than frozen plans).
 */
class FrozenRunTest {

    private final ExperimentDefinition experiment = Experiment.define("frozen", e -> e
            .description("frozen plans")
            .data(d -> d.size(16))
            .model(TestModelType.TYPE, m -> m.patch(2))
            .track(t -> t.checkpointEvery(7))
            .sweep(s -> s.grid("model.blockSize", 1, 16).grid("train.lr", 0.01, 0.001).seeds(0, 1)));

    @TempDir
    Path runs;

    @Test
    void everyFrozenPlanRebuildsItsRunsSpecWithoutTheDefinition() {
        for (RunPlan plan : SweepPlanner.plan(experiment, null, List.of("train.steps=500"))) {
            RunFolder folder = RunFolder.of(runs, "frozen", plan.name());
            folder.freeze(plan);

            RunPlan thawed = folder.frozenRun().orElseThrow().plan(TestModelType.TYPE);

            assertThat(thawed).usingRecursiveComparison().ignoringFields("spec.sweep", "spec.report").isEqualTo(plan);
        }
    }

    @Test
    void aFolderKeepsTheFirstFrozenPlanOfItsConfiguration() throws Exception {
        RunPlan plan = SweepPlanner.plan(experiment, null, List.of()).get(0);
        RunFolder folder = RunFolder.of(runs, "frozen", plan.name());
        folder.freeze(plan);
        String written = Files.readString(folder.frozenRunFile());
        RunPlan relabelled = new RunPlan(plan.index(), plan.name(), "renamed", plan.assignments(), plan.seed(),
                plan.spec(), plan.values(), plan.preset(), plan.overrides());

        FrozenRun kept = folder.freeze(relabelled);

        assertThat(kept.label()).isEqualTo(plan.label());
        assertThat(folder.frozenRunFile()).content().isEqualTo(written);
    }

    @Test
    void aFolderRefusesThePlanOfAnotherConfigurationNamingTheKeys() {
        RunPlan plan = SweepPlanner.plan(experiment, null, List.of()).get(0);
        RunFolder folder = RunFolder.of(runs, "frozen", plan.name());
        folder.freeze(plan);
        RunPlan longer = SweepPlanner.plan(experiment, null, List.of("train.steps=500")).get(0);

        assertThatThrownBy(() -> folder.freeze(longer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(folder.root() + " holds a run of another configuration (train.steps: '1000' in the run "
                        + "folder, '500' now)");
        assertThat(folder.frozenRun().orElseThrow().values()).containsEntry("train.steps", "1000");
    }

    @Test
    void anUnreadableFrozenPlanIsOneLineNamingTheFile() throws Exception {
        RunFolder folder = RunFolder.of(runs, "frozen", "broken-seed0");
        Files.createDirectories(folder.root());
        Files.writeString(folder.frozenRunFile(), "{ not json");

        assertThatThrownBy(folder::frozenRun).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read " + folder.frozenRunFile() + ": ")
                .hasMessageEndingWith("; allowed: the run-spec.json planning wrote")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theStoredPlanIsTheFrozenOneWithItsLabel() {
        RunPlan plan = SweepPlanner.plan(experiment, null, List.of("train.steps=500")).get(3);
        RunFolder folder = RunFolder.of(runs, "frozen", plan.name());
        folder.freeze(plan);

        StoredPlan stored = folder.storedPlan().orElseThrow();

        assertThat(stored).isEqualTo(new StoredPlan(plan.name(), 3, plan.seed(), "", List.of("train.steps=500"),
                plan.assignments(), plan.values(), Optional.of(plan.label())));
    }

    @Test
    void aFolderOlderThanFrozenPlansStoresItsPlanInRunJsonConfigYamlAndOverridesWithoutALabel() {
        RunPlan plan = SweepPlanner.plan(experiment, null, List.of("train.steps=500")).get(3);
        RunFolder folder = RunFolder.of(runs, "frozen", plan.name());
        folder.createDirectories();
        folder.writeConfigOnce(plan.values(), plan.overrides());
        folder.write(RunRecord.builder().experiment("frozen").run(plan.name()).index(3).seed(plan.seed()).preset("")
                .assignments(plan.assignments()).status(RunStatus.FINISHED).build());

        StoredPlan stored = folder.storedPlan().orElseThrow();

        assertThat(stored).isEqualTo(new StoredPlan(plan.name(), 3, plan.seed(), "", List.of("train.steps=500"),
                plan.assignments(), plan.values(), Optional.empty()));
        assertThat(RunFolder.of(runs, "frozen", "never-started").storedPlan()).isEmpty();
    }
}
