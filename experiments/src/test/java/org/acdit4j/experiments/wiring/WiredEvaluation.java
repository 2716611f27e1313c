package org.acdit4j.experiments.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.run.EvaluatorsStep;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * The application's wiring on the test data directory: a spec's dataset opened by the injected dataset plugin (once
 * per data section), and a fresh model of the spec's plugin evaluated on it by the spec's evaluators, all as a run
 * gets them, at one fixed seed.
 */
final class WiredEvaluation {

    private static final long SEED = 3;

    private final Injector injector = Guice.createInjector(new ApplicationModule(
            Map.of(DataDirectory.ENVIRONMENT_VARIABLE, System.getProperty("acdit.test.dataDir"))));
    private final Map<DataSpec, Dataset> opened = new HashMap<>();

    /** The dataset {@code spec}'s data section names, opened as it says the first time it is asked for. */
    Dataset dataset(ExperimentSpec spec) {
        return opened.computeIfAbsent(spec.data(), data -> injector.getInstance(
                Key.get(new TypeLiteral<Map<String, DatasetFactory>>() { })).get(data.name()).open(data));
    }

    Map<String, Double> metrics(ExperimentSpec spec, Path work) {
        Dataset dataset = dataset(spec);
        ModelFactory factory = injector.getInstance(Key.get(new TypeLiteral<Map<String, ModelFactory>>() { }))
                .get(spec.model().name());
        GenerativeModel model = factory.create(spec.model().config(), spec.train(), dataset.geometry(), SEED);
        EvaluatorsStep step = new EvaluatorsStep(
                injector.getInstance(Key.get(new TypeLiteral<Map<String, Evaluator>>() { })));
        return step.evaluate(model, dataset, spec, SEED, work).metrics();
    }
}
