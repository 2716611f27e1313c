package org.acdit4j.experiments.wiring;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.Map;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.run.EvaluatorsStep;
import org.acdit4j.framework.spec.ExperimentSpec;

/** A fresh model of a spec's plugin evaluated by the spec's evaluators, all as the application's wiring provides them. */
final class WiredEvaluation {

    private WiredEvaluation() {
    }

    static Map<String, Double> metrics(Injector injector, ExperimentSpec spec, Dataset dataset, long seed, Path work) {
        ModelFactory factory = injector.getInstance(Key.get(new TypeLiteral<Map<String, ModelFactory>>() { }))
                .get(spec.model().name());
        GenerativeModel model = factory.create(spec.model().config(), spec.train(), dataset.geometry(), seed);
        EvaluatorsStep step = new EvaluatorsStep(
                injector.getInstance(Key.get(new TypeLiteral<Map<String, Evaluator>>() { })));
        return step.evaluate(model, dataset, spec, seed, work).metrics();
    }
}
