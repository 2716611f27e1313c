package org.acdit4j.evaluators.precisionrecall;

import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.sampling.ReferenceImages;
import org.acdit4j.evaluators.sampling.SampledImagesEvaluator;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;

/**
 * Improved precision and recall (k = 3) of class-balanced samples against as many reference train images, on the
 * feature network's L2-normalised features, each manifold without its balls above the
 * {@link PrecisionRecall#DEFAULT_RADIUS_QUANTILE} quantile of radii.
 */
public final class PrecisionRecallEvaluator extends SampledImagesEvaluator {

    /** What the k-NN manifolds are built on, reported as a tag. */
    public static final String FEATURES = "penultimate layer, L2-normalised";

    public PrecisionRecallEvaluator(FeatureNetworks networks) {
        super(PrecisionRecallMetrics.EVALUATOR, PrecisionRecallMetrics.WRITTEN, networks);
    }

    @Override
    protected EvaluationResult measure(EvaluationContext context, FeatureNetwork network, ImageBatch generated) {
        ImageBatch real = ReferenceImages.train(context);
        PrecisionRecall measured = between(network, generated, real);
        return result(
                Map.of(PrecisionRecallMetrics.PRECISION.text(), measured.precision(),
                        PrecisionRecallMetrics.RECALL.text(), measured.recall(),
                        PrecisionRecallMetrics.SAMPLES.text(), (double) generated.size(),
                        PrecisionRecallMetrics.REFERENCE_SAMPLES.text(), (double) real.size(),
                        PrecisionRecallMetrics.K.text(), (double) PrecisionRecall.DEFAULT_K,
                        PrecisionRecallMetrics.RADIUS_QUANTILE.text(), PrecisionRecall.DEFAULT_RADIUS_QUANTILE),
                network, Map.of(name() + ".reference", ReferenceImages.TRAIN, name() + ".features", FEATURES));
    }

    /** Precision and recall of {@code generated} against {@code real} with this evaluator's settings. */
    public static PrecisionRecall between(FeatureNetwork network, ImageBatch generated, ImageBatch real) {
        return PrecisionRecall.of(unitLength(network.run(real).features()), unitLength(network.run(generated).features()),
                PrecisionRecall.DEFAULT_K, PrecisionRecall.DEFAULT_RADIUS_QUANTILE);
    }

    /**
     * Each row (N, D) scaled to length 1, so that distances compare directions only: the ReLU features' length
     * follows the input's contrast and the network's confidence rather than its content (an all-zero row stays 0).
     */
    static float[][] unitLength(float[][] features) {
        float[][] scaled = new float[features.length][];
        for (int i = 0; i < features.length; i++) {
            float[] row = features[i];
            double squares = 0;
            for (float v : row) {
                squares += (double) v * v;
            }
            double inverse = squares > 0 ? 1 / Math.sqrt(squares) : 0;
            scaled[i] = new float[row.length];
            for (int j = 0; j < row.length; j++) {
                scaled[i][j] = (float) (row[j] * inverse);
            }
        }
        return scaled;
    }
}
