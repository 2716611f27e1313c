package org.acdit4j.evaluators.speed;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/** The metrics {@link SamplingSpeedEvaluator} writes, measured once at {@code sample.guidance}. */
public final class SamplingSpeedMetrics {

    /** Median wall-clock seconds per sampled image without the KV cache. */
    public static final MetricName SECONDS_PER_IMAGE = new MetricName(SamplingSpeedEvaluator.NAME + ".secondsPerImage");
    /** Images sampled per second without the KV cache. */
    public static final MetricName IMAGES_PER_SECOND = new MetricName(SamplingSpeedEvaluator.NAME + ".imagesPerSecond");
    /** Median wall-clock seconds per sampled image with the KV cache. */
    public static final MetricName SECONDS_PER_IMAGE_KV_CACHE =
            new MetricName(SamplingSpeedEvaluator.NAME + ".secondsPerImage.kvCache");
    /** Images sampled per second with the KV cache. */
    public static final MetricName IMAGES_PER_SECOND_KV_CACHE =
            new MetricName(SamplingSpeedEvaluator.NAME + ".imagesPerSecond.kvCache");
    /** The time without the KV cache over the time with it. */
    public static final MetricName KV_CACHE_SPEEDUP = new MetricName(SamplingSpeedEvaluator.NAME + ".kvCacheSpeedup");
    /** Analytic GFLOPs per sampled image without the KV cache. */
    public static final MetricName GFLOPS_PER_IMAGE = new MetricName(SamplingSpeedEvaluator.NAME + ".gflopsPerImage");
    /** Analytic GFLOPs per sampled image with the KV cache. */
    public static final MetricName GFLOPS_PER_IMAGE_KV_CACHE =
            new MetricName(SamplingSpeedEvaluator.NAME + ".gflopsPerImage.kvCache");
    /** The images sampled per timed call. */
    public static final MetricName BATCH = new MetricName(SamplingSpeedEvaluator.NAME + ".batch");
    /** The timed calls per setting. */
    public static final MetricName REPEATS = new MetricName(SamplingSpeedEvaluator.NAME + ".repeats");

    /** All of them, what {@link SamplingSpeedEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(SECONDS_PER_IMAGE, IMAGES_PER_SECOND, SECONDS_PER_IMAGE_KV_CACHE,
            IMAGES_PER_SECOND_KV_CACHE, KV_CACHE_SPEEDUP, GFLOPS_PER_IMAGE, GFLOPS_PER_IMAGE_KV_CACHE, BATCH, REPEATS);

    private SamplingSpeedMetrics() {
    }
}
