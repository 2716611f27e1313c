package org.acdit4j.evaluators.precisionrecall;

import java.util.List;
import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.sampling.ModelSamples;
import org.acdit4j.evaluators.sampling.RealSubset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.Evaluator;

/** Improved precision and recall (k = 3) of class-balanced samples against as many seeded train images. */
public final class PrecisionRecallEvaluator implements Evaluator {

    public static final String NAME = "precision-recall";

    private final FeatureNetworks networks;

    public PrecisionRecallEvaluator(FeatureNetworks networks) {
        this.networks = networks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        FeatureNetwork network = networks.forDataset(context.dataset());
        ImageBatch generated = ModelSamples.draw(context);
        ImageBatch real = RealSubset.draw(context.dataset().train(), context.sampleCount(), context.seed());
        PrecisionRecall result = PrecisionRecall.of(network.run(real).features(), network.run(generated).features(),
                PrecisionRecall.DEFAULT_K);
        return new EvaluationResult(
                Map.of("precision", result.precision(), "recall", result.recall(),
                        NAME + ".samples", (double) generated.size(), NAME + ".referenceSamples", (double) real.size(),
                        NAME + ".k", (double) PrecisionRecall.DEFAULT_K),
                Map.of(NAME + ".featureNetwork", network.fingerprint(), NAME + ".reference", "train split"),
                List.of());
    }
}
