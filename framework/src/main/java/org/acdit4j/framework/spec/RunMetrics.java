package org.acdit4j.framework.spec;

import java.util.List;

/** The metrics every finished run logs itself, beside its evaluators' metrics. */
public final class RunMetrics {

    /** Training images seen (steps × batch). */
    public static final MetricName IMAGES_SEEN = new MetricName("train.imagesSeen");
    /** Training compute, from the model's analytic FLOPs per step. */
    public static final MetricName TRAIN_FLOPS = new MetricName("train.flops");
    /** The model's number of trainable parameters. */
    public static final MetricName PARAMETERS = new MetricName("parameters");
    /** The run's JVM at its largest resident set (native buffers included), in bytes; absent where not measurable. */
    public static final MetricName PEAK_RSS_BYTES = new MetricName("system.peakRssBytes");
    /** The run's Java heap at its peak use, in bytes. */
    public static final MetricName PEAK_HEAP_BYTES = new MetricName("system.peakHeapBytes");
    public static final List<MetricName> ALL =
            List.of(IMAGES_SEEN, TRAIN_FLOPS, PARAMETERS, PEAK_RSS_BYTES, PEAK_HEAP_BYTES);
    /** Logged with the loss while training: the resident set at that step, in bytes. */
    public static final MetricName RSS_BYTES = new MetricName("system.rssBytes");

    private RunMetrics() {
    }
}
