package org.acdit4j.evaluators.memorisation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.evaluators.NamedEvaluator;
import org.acdit4j.evaluators.sampling.ModelSamples;
import org.acdit4j.evaluators.sampling.ReferenceImages;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.ImageSet;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SampleQualityEvaluator;
import org.acdit4j.framework.model.DiscreteCodes;
import org.acdit4j.framework.model.ModelCapability;

/**
 * Whether samples are copies of training images, which FID cannot see: each of {@code sampleCount} class-balanced
 * samples' pixel distance to its nearest image of the whole train split ({@link NearestTrainingDistances}), set against
 * the same distance of as many held-out test images ({@link ReferenceImages#test}), which the model never saw and
 * which are as near to the train split as a fresh draw of the data is. A model that generalises puts about 5% of its
 * samples below the test images' 5th percentile and has a median ratio near 1; a model that memorises puts more below
 * and has a ratio under 1. Exact copies are counted in pixel space after quantising to 8-bit levels
 * ({@link ExactCopies}) for every model and, for a model that draws discrete codes ({@link DiscreteCodes}), in its code
 * space as well, each beside the test images' own rate.
 */
public final class MemorisationEvaluator extends NamedEvaluator implements SampleQualityEvaluator {

    /** The test images' quantile below which a sample counts as nearer to the train split than fresh data. */
    public static final double TEST_QUANTILE = 0.05;
    /** How distances are measured, reported as a tag. */
    public static final String DISTANCE = "Euclidean in pixel space, pixels in [0, 1], to the nearest of the whole "
            + "train split";

    private static final int ENCODED_PER_CALL = 4096;

    public MemorisationEvaluator() {
        super(MemorisationMetrics.EVALUATOR, MemorisationMetrics.WRITTEN, ModelCapability.SAMPLING);
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        ImageSet train = context.dataset().train();
        ImageBatch generated = ModelSamples.draw(context);
        ImageBatch test = ReferenceImages.test(context);
        if (test.size() < 2) {
            throw new IllegalArgumentException(name() + " needs at least 2 held-out images; the test split of "
                    + context.dataset().name() + " has " + test.size());
        }
        NearestTrainingDistances nearest = new NearestTrainingDistances(train);
        double[] sampleDistances = sorted(nearest.of(generated));
        double[] testDistances = sorted(nearest.of(test));
        double threshold = quantile(testDistances, TEST_QUANTILE);
        double sampleMedian = quantile(sampleDistances, 0.5);
        double testMedian = quantile(testDistances, 0.5);

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(MemorisationMetrics.NEARER_THAN_TEST_P5.text(), shareBelow(sampleDistances, threshold));
        metrics.put(MemorisationMetrics.TEST_P5.text(), threshold);
        metrics.put(MemorisationMetrics.MEDIAN_DISTANCE.text(), sampleMedian);
        metrics.put(MemorisationMetrics.TEST_MEDIAN_DISTANCE.text(), testMedian);
        metrics.put(MemorisationMetrics.MEDIAN_RATIO.text(), sampleMedian / testMedian);
        ExactCopies pixelCopies = ExactCopies.of(ExactCopies.levels(train));
        metrics.put(MemorisationMetrics.PIXEL_COPIES.text(), pixelCopies.shareOf(ExactCopies.levels(generated)));
        metrics.put(MemorisationMetrics.TEST_PIXEL_COPIES.text(), pixelCopies.shareOf(ExactCopies.levels(test)));
        context.model().discreteCodes().ifPresent(codes -> {
            int length = codes.codesPerExample();
            ExactCopies tokenCopies = ExactCopies.of(ExactCopies.sequences(codesOf(codes, train), length));
            metrics.put(MemorisationMetrics.TOKEN_COPIES.text(),
                    tokenCopies.shareOf(ExactCopies.sequences(codes.codes(generated), length)));
            metrics.put(MemorisationMetrics.TEST_TOKEN_COPIES.text(),
                    tokenCopies.shareOf(ExactCopies.sequences(codes.codes(test), length)));
        });
        metrics.put(MemorisationMetrics.SAMPLES.text(), (double) generated.size());
        metrics.put(MemorisationMetrics.TEST_SAMPLES.text(), (double) test.size());
        metrics.put(MemorisationMetrics.TRAIN_IMAGES.text(), (double) train.size());
        return new EvaluationResult(metrics, Map.of(name() + ".distance", DISTANCE, name() + ".reference",
                "test split, fixed subset (seed " + ReferenceImages.SEED + ")"), List.of());
    }

    /** The codes of the whole split (N, L) flat, encoded a chunk at a time. */
    private static int[] codesOf(DiscreteCodes codes, ImageSet set) {
        int length = codes.codesPerExample();
        int[] all = new int[set.size() * length];
        for (int from = 0; from < set.size(); from += ENCODED_PER_CALL) {
            int to = Math.min(set.size(), from + ENCODED_PER_CALL);
            System.arraycopy(codes.codes(set.range(from, to)), 0, all, from * length, (to - from) * length);
        }
        return all;
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The {@code q} quantile of ascending {@code sorted}, linear between neighbouring order statistics. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The share of ascending {@code sorted} strictly below {@code threshold}. */
    private static double shareBelow(double[] sorted, double threshold) {
        int count = 0;
        while (count < sorted.length && sorted[count] < threshold) {
            count++;
        }
        return (double) count / sorted.length;
    }
}
