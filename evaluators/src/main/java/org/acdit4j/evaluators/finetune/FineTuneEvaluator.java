package org.acdit4j.evaluators.finetune;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.acdit4j.evaluators.NamedEvaluator;
import org.acdit4j.evaluators.sampling.ClassifierImages;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.Permutations;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.model.FineTunable;
import org.acdit4j.framework.model.FineTunedClassifier;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelCapability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tune protocol: a copy of the model's encoder plus a fresh linear head, every parameter unfrozen, trained by
 * AdamW for a few steps on minibatches of {@code sampleCount} seeded train images (at most the whole train split),
 * then accuracy on the whole test split. The evaluated model itself is not changed. Needs a {@link FineTunable} model.
 */
public final class FineTuneEvaluator extends NamedEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(FineTuneEvaluator.class);

    /**
     * @param steps        optimizer steps
     * @param batch        train images per step
     * @param learningRate constant AdamW learning rate
     * @param weightDecay  decoupled weight decay
     */
    public record Settings(int steps, int batch, double learningRate, double weightDecay) {

        public static final Settings DEFAULT = new Settings(300, 64, 3e-4, 0.05);

        public Settings {
            if (steps < 1 || batch < 1 || !(learningRate > 0) || weightDecay < 0) {
                throw new IllegalArgumentException("fine-tune settings need steps ≥ 1, batch ≥ 1, learning rate > 0 and "
                        + "weight decay ≥ 0, got " + steps + ", " + batch + ", " + learningRate + ", " + weightDecay);
            }
        }
    }

    private final Settings settings;

    public FineTuneEvaluator() {
        this(Settings.DEFAULT);
    }

    public FineTuneEvaluator(Settings settings) {
        super(FineTuneMetrics.EVALUATOR, FineTuneMetrics.WRITTEN, ModelCapability.FINE_TUNING);
        this.settings = settings;
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        GenerativeModel model = context.model();
        FineTunable tunable = model.fineTuning().orElseThrow(() -> new IllegalArgumentException(name() + ": model "
                + model.getClass().getSimpleName() + " cannot be fine-tuned (it does not implement FineTunable)"));
        Dataset dataset = context.dataset();
        ImageBatch train = ClassifierImages.train(context);
        ImageBatch test = ClassifierImages.test(context);
        FineTunedClassifier classifier = tunable.classifierCopy(dataset.geometry().classes(), settings.learningRate(),
                settings.weightDecay());
        long start = System.nanoTime();
        double recentLoss = train(classifier, train, context.seed());
        double accuracy = accuracy(classifier, test, context.batchSize());
        LOG.info("fine-tune on {} ({} steps of {} from {} train images, {} s): test accuracy {} on {} images",
                dataset.name(), settings.steps(), settings.batch(), train.size(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9), accuracy, test.size());
        return new EvaluationResult(
                Map.of(FineTuneMetrics.ACCURACY.text(), accuracy,
                        FineTuneMetrics.STEPS.text(), (double) settings.steps(),
                        FineTuneMetrics.BATCH.text(), (double) settings.batch(),
                        FineTuneMetrics.TRAIN_EXAMPLES.text(), (double) train.size(),
                        FineTuneMetrics.TEST_EXAMPLES.text(), (double) test.size(),
                        FineTuneMetrics.TRAIN_LOSS.text(), recentLoss),
                Map.of(name() + ".settings", settings.toString()), List.of());
    }

    /** Runs the steps over reshuffled passes of {@code train}; returns the mean loss of the last tenth of them. */
    private double train(FineTunedClassifier classifier, ImageBatch train, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[train.size()];
        int next = order.length;
        int recent = Math.max(1, settings.steps() / 10);
        double recentLoss = 0;
        for (int step = 0; step < settings.steps(); step++) {
            int[] picked = new int[Math.min(settings.batch(), order.length)];
            for (int i = 0; i < picked.length; i++) {
                if (next == order.length) {
                    Permutations.shuffleIdentity(order, random);
                    next = 0;
                }
                picked[i] = order[next++];
            }
            double loss = classifier.trainStep(select(train, picked));
            if (step >= settings.steps() - recent) {
                recentLoss += loss / recent;
            }
            if ((step + 1) % 50 == 0) {
                LOG.info("fine-tune step {}/{}: loss {}", step + 1, settings.steps(), loss);
            }
        }
        return recentLoss;
    }

    private static double accuracy(FineTunedClassifier classifier, ImageBatch test, int batchSize) {
        int correct = 0;
        for (int from = 0; from < test.size(); from += batchSize) {
            int[] indices = new int[Math.min(batchSize, test.size() - from)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = from + i;
            }
            ImageBatch batch = select(test, indices);
            int[] predicted = classifier.predict(batch);
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == batch.labels()[i]) {
                    correct++;
                }
            }
        }
        return (double) correct / test.size();
    }

    /** The examples {@code indices} of {@code images} as one batch. */
    private static ImageBatch select(ImageBatch images, int[] indices) {
        int perExample = images.geometry().valuesPerExample();
        float[] pixels = new float[indices.length * perExample];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(images.pixels(), indices[i] * perExample, pixels, i * perExample, perExample);
            labels[i] = images.labels()[indices[i]];
        }
        return new ImageBatch(images.geometry(), pixels, labels);
    }
}
