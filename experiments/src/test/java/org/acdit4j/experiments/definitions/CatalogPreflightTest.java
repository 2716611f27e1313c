package org.acdit4j.experiments.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.acdit4j.experiments.cli.ExperimentCatalog;
import org.acdit4j.experiments.wiring.ApplicationModule;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.run.FrozenRun;
import org.acdit4j.framework.run.Preflight;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment's body and every one of its presets plans and passes preflight, as {@code acdit run} checks it;
 * a preset at a size the project ships no feature network for is refused with the command that trains one. Every
 * plan frozen into its run folder rebuilds its spec.
 */
class CatalogPreflightTest {

    /** Presets whose data (64×64 Moving MNIST) needs a feature network the user trains first. */
    private static final Map<String, String> NEEDS_A_TRAINED_FEATURE_NETWORK = Map.of("video-tradeoff", "paper");

    private static final Injector INJECTOR = Guice.createInjector(new ApplicationModule(
            Map.of(DataDirectory.ENVIRONMENT_VARIABLE, System.getProperty("acdit.test.dataDir"))));
    private static final ExperimentCatalog CATALOG = INJECTOR.getInstance(ExperimentCatalog.class);

    static Stream<Arguments> experimentsAndPresets() {
        List<Arguments> all = new ArrayList<>();
        CATALOG.all().forEach((name, definition) -> {
            all.add(Arguments.of(name, ""));
            definition.presets().forEach(preset -> all.add(Arguments.of(name, preset)));
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("experimentsAndPresets")
    void plansAndPassesPreflight(String experiment, String preset) {
        ExperimentDefinition definition = CATALOG.get(experiment);
        Preflight preflight = new Preflight(
                INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, DatasetFactory>>() { })),
                INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, ModelFactory>>() { })),
                INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, Evaluator>>() { })));

        List<RunPlan> plans = SweepPlanner.plan(definition, preset, List.of());

        assertThat(plans).isNotEmpty();
        if (preset.equals(NEEDS_A_TRAINED_FEATURE_NETWORK.get(experiment))) {
            assertThat(preflight.problems(plans)).singleElement().asString().endsWith("cannot measure this dataset:"
                    + " no feature network for moving-mnist at 1x64x64, 10 classes; train one with: acdit features train"
                    + " --dataset moving-mnist --size 64");
        } else {
            assertThat(preflight.problems(plans)).isEmpty();
        }
    }

    /**
     * Planning resolves each configuration once, to what resolving it alone gives, and the plan frozen into its run
     * folder rebuilds the same run spec on the registered model plugins, without the definition.
     */
    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("experimentsAndPresets")
    void everyPlanFrozenIntoItsRunFolderRebuildsItsSpec(String experiment, String preset, @TempDir Path runs) {
        ExperimentDefinition definition = CATALOG.get(experiment);
        Map<String, ModelFactory> models = INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, ModelFactory>>() { }));

        for (RunPlan plan : SweepPlanner.plan(definition, preset, List.of())) {
            assertThat(plan.spec()).isEqualTo(definition.spec(preset, List.of(), plan.assignments()));
            assertThat(plan.values()).isEqualTo(definition.resolvedValues(preset, List.of(), plan.assignments()));
            RunFolder folder = RunFolder.of(runs, experiment, plan.name());
            folder.freeze(plan);
            FrozenRun frozen = folder.frozenRun().orElseThrow();

            RunPlan thawed = frozen.plan(models.get(frozen.modelName()).type());

            assertThat(thawed).usingRecursiveComparison().ignoringFields("spec.sweep", "spec.report").isEqualTo(plan);
        }
    }
}
