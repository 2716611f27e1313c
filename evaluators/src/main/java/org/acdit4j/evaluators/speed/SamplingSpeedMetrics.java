package org.acdit4j.evaluators.speed;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/** The metrics {@link SamplingSpeedEvaluator} writes, measured once at {@code sample.guidance}. */
public final class SamplingSpeedMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "sampling-speed";

    /** Median wall-clock seconds per sampled image without the KV cache. */
    public static final MetricName SECONDS_PER_IMAGE = new MetricName(EVALUATOR + ".secondsPerImage");
    /** Images sampled per second without the KV cache. */
    public static final MetricName IMAGES_PER_SECOND = new MetricName(EVALUATOR + ".imagesPerSecond");
    /** Median wall-clock seconds per sampled image with the KV cache. */
    public static final MetricName SECONDS_PER_IMAGE_KV_CACHE =
            new MetricName(EVALUATOR + ".secondsPerImage.kvCache");
    /** Images sampled per second with the KV cache. */
    public static final MetricName IMAGES_PER_SECOND_KV_CACHE =
            new MetricName(EVALUATOR + ".imagesPerSecond.kvCache");
    /** The time without the KV cache over the time with it. */
    public static final MetricName KV_CACHE_SPEEDUP = new MetricName(EVALUATOR + ".kvCacheSpeedup");
    /** Analytic GFLOPs per sampled image without the KV cache. */
    public static final MetricName GFLOPS_PER_IMAGE = new MetricName(EVALUATOR + ".gflopsPerImage");
    /** Analytic GFLOPs per sampled image with the KV cache. */
    public static final MetricName GFLOPS_PER_IMAGE_KV_CACHE =
            new MetricName(EVALUATOR + ".gflopsPerImage.kvCache");
    /** The images sampled per timed call. */
    public static final MetricName BATCH = new MetricName(EVALUATOR + ".batch");
    /** The timed calls per setting. */
    public static final MetricName REPEATS = new MetricName(EVALUATOR + ".repeats");

    /** All of them, what {@link SamplingSpeedEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(SECONDS_PER_IMAGE, IMAGES_PER_SECOND, SECONDS_PER_IMAGE_KV_CACHE,
            IMAGES_PER_SECOND_KV_CACHE, KV_CACHE_SPEEDUP, GFLOPS_PER_IMAGE, GFLOPS_PER_IMAGE_KV_CACHE, BATCH, REPEATS);

    private SamplingSpeedMetrics() {
    }
}
