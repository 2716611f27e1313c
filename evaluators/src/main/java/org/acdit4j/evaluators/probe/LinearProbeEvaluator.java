package org.acdit4j.evaluators.probe;

import java.util.List;
import java.util.Map;
import org.acdit4j.evaluators.NamedEvaluator;
import org.acdit4j.evaluators.sampling.ClassifierImages;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.model.ModelCapability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linear probe: softmax regression on the model's frozen {@code encode} features of {@code sampleCount}
 * seeded train images (at most the whole train split), accuracy on the whole test split. The same probe on raw
 * pixels is reported alongside as the reference point a useful representation should beat.
 */
public final class LinearProbeEvaluator extends NamedEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(LinearProbeEvaluator.class);

    private final SoftmaxRegression.Settings settings;

    public LinearProbeEvaluator() {
        this(SoftmaxRegression.Settings.DEFAULT);
    }

    public LinearProbeEvaluator(SoftmaxRegression.Settings settings) {
        super(LinearProbeMetrics.EVALUATOR, LinearProbeMetrics.WRITTEN, ModelCapability.FEATURES);
        this.settings = settings;
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        Dataset dataset = context.dataset();
        ImageBatch train = ClassifierImages.train(context);
        ImageBatch test = ClassifierImages.test(context);
        int classes = dataset.geometry().classes();
        double encoded = accuracy(ProbeFeatures.encoded(context.model(), train, context.batchSize()), train,
                ProbeFeatures.encoded(context.model(), test, context.batchSize()), test, classes);
        double pixels = accuracy(ProbeFeatures.pixels(train), train, ProbeFeatures.pixels(test), test, classes);
        LOG.info("linear probe on {} ({} train / {} test examples): encoded features {}, raw pixels {}",
                dataset.name(), train.size(), test.size(), encoded, pixels);
        return new EvaluationResult(
                Map.of(LinearProbeMetrics.ACCURACY.text(), encoded,
                        LinearProbeMetrics.RAW_PIXEL_ACCURACY.text(), pixels,
                        LinearProbeMetrics.TRAIN_EXAMPLES.text(), (double) train.size(),
                        LinearProbeMetrics.TEST_EXAMPLES.text(), (double) test.size()),
                Map.of(name() + ".settings", settings.toString()), List.of());
    }

    private double accuracy(float[][] trainFeatures, ImageBatch train, float[][] testFeatures, ImageBatch test,
                            int classes) {
        return SoftmaxRegression.fit(trainFeatures, train.labels(), classes, settings).accuracy(testFeatures, test.labels());
    }
}
