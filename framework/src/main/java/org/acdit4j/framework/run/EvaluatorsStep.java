package org.acdit4j.framework.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the spec's evaluators on the EMA weights. Guided evaluators ({@link Evaluator#guided()}) run once per
 * guidance scale of {@code evaluate.guidances}, on one set of samples per scale that they share, their metric keys
 * suffixed {@code /cfg<scale>} ({@code fid/cfg1.5}); the others run once, at {@code sample.guidance}, on samples
 * of their own.
 */
public final class EvaluatorsStep implements RunEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluatorsStep.class);

    private final Map<String, Evaluator> evaluators;

    public EvaluatorsStep(Map<String, Evaluator> evaluators) {
        this.evaluators = evaluators;
    }

    @Override
    public EvaluationResult evaluate(GenerativeModel model, Dataset dataset, ExperimentSpec spec, long seed, Path outputDir) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        List<Path> artifacts = new ArrayList<>();
        GenerativeModel shared = new MemoizedSamples(model);
        for (String name : spec.evaluate().evaluators()) {
            Evaluator evaluator = evaluators.get(name);
            if (evaluator == null) {
                throw new IllegalArgumentException("evaluate.evaluators: unknown evaluator '" + name + "'; known: "
                        + String.join(", ", evaluators.keySet().stream().sorted().toList()));
            }
            boolean guided = evaluator.guided();
            List<Double> guidances = guided ? spec.evaluate().guidances() : List.of(spec.sample().guidance());
            for (double guidance : guidances) {
                long start = System.nanoTime();
                SamplingSettings sampling = new SamplingSettings(spec.sample().sampler(), guidance,
                        spec.sample().kvCache(), true);
                EvaluationResult result = evaluator.evaluate(new EvaluationContext(guided ? shared : model, dataset,
                        sampling, spec.evaluate().samples(), spec.sample().batch(), seed));
                result.metrics().forEach((key, value) -> metrics.put(logged(key, guided, guidance), value));
                tags.putAll(result.tags());
                artifacts.addAll(result.artifacts());
                LOG.info("{}: {} in {} s", logged(name, guided, guidance), result.metrics(),
                        String.format("%.1f", (System.nanoTime() - start) / 1e9));
            }
        }
        return new EvaluationResult(metrics, tags, artifacts);
    }

    /** The key {@code key} of an evaluator's result is logged under: at {@code guidance} when it is guided. */
    private static String logged(String key, boolean guided, double guidance) {
        return guided ? new MetricName(key).at(guidance).text() : key;
    }
}
