package org.acdit4j.evaluators.speed;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.evaluators.NamedEvaluator;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelCapability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sampling speed at the context's batch size, without and with the KV-cache: after {@code warmups} untimed
 * calls, the median wall time of {@code repeats} timed {@code sample} calls, reported as seconds per image and
 * images per second, plus the speed-up the cache gives and the model's analytic GFLOPs per image both ways.
 */
public final class SamplingSpeedEvaluator extends NamedEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(SamplingSpeedEvaluator.class);

    private final int warmups;
    private final int repeats;

    public SamplingSpeedEvaluator() {
        this(1, 3);
    }

    public SamplingSpeedEvaluator(int warmups, int repeats) {
        super(SamplingSpeedMetrics.EVALUATOR, SamplingSpeedMetrics.WRITTEN, ModelCapability.SAMPLING);
        if (warmups < 0 || repeats < 1) {
            throw new IllegalArgumentException("sampling speed needs warmups >= 0 and repeats >= 1, got "
                    + warmups + " and " + repeats);
        }
        this.warmups = warmups;
        this.repeats = repeats;
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        int batch = context.batchSize();
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % context.dataset().geometry().classes();
        }
        Map<String, Double> metrics = new HashMap<>();
        double withoutCache = medianSeconds(context.model(), context.sampling().withKvCache(false), labels, context.seed());
        double withCache = medianSeconds(context.model(), context.sampling().withKvCache(true), labels, context.seed());
        metrics.put(SamplingSpeedMetrics.SECONDS_PER_IMAGE.text(), withoutCache / batch);
        metrics.put(SamplingSpeedMetrics.IMAGES_PER_SECOND.text(), batch / withoutCache);
        metrics.put(SamplingSpeedMetrics.SECONDS_PER_IMAGE_KV_CACHE.text(), withCache / batch);
        metrics.put(SamplingSpeedMetrics.IMAGES_PER_SECOND_KV_CACHE.text(), batch / withCache);
        metrics.put(SamplingSpeedMetrics.KV_CACHE_SPEEDUP.text(), withoutCache / withCache);
        metrics.put(SamplingSpeedMetrics.GFLOPS_PER_IMAGE.text(), context.model().sampleFlopsPerImage(
                context.sampling().withKvCache(false).request(labels, context.seed())) / 1e9);
        metrics.put(SamplingSpeedMetrics.GFLOPS_PER_IMAGE_KV_CACHE.text(), context.model().sampleFlopsPerImage(
                context.sampling().withKvCache(true).request(labels, context.seed())) / 1e9);
        metrics.put(SamplingSpeedMetrics.BATCH.text(), (double) batch);
        metrics.put(SamplingSpeedMetrics.REPEATS.text(), (double) repeats);
        return new EvaluationResult(metrics, Map.of(name() + ".settings", context.sampling().toString()), List.of());
    }

    private double medianSeconds(GenerativeModel model, SamplingSettings sampling, int[] labels, long seed) {
        for (int w = 0; w < warmups; w++) {
            model.sample(sampling.request(labels, seed));
        }
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            model.sample(sampling.request(labels, seed + 1 + r));
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double median = repeats % 2 == 1 ? seconds[repeats / 2] : (seconds[repeats / 2 - 1] + seconds[repeats / 2]) / 2;
        LOG.info("sampling {} images with kvCache={}: median {} s over {} repeats", labels.length, sampling.kvCache(),
                median, repeats);
        return median;
    }
}
