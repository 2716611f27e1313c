package org.acdit4j.framework.spec;

import java.util.List;

/** The metrics every finished run logs itself, beside its evaluators' metrics. */
public final class RunMetrics {

    /** Training images seen (steps × batch). */
    public static final String IMAGES_SEEN = "train.imagesSeen";
    /** Training compute, from the model's analytic FLOPs per step. */
    public static final String TRAIN_FLOPS = "train.flops";
    /** The model's number of trainable parameters. */
    public static final String PARAMETERS = "parameters";
    /** The run's JVM at its largest resident set (native buffers included), in bytes; absent where not measurable. */
    public static final String PEAK_RSS_BYTES = "system.peakRssBytes";
    /** The run's Java heap at its peak use, in bytes. */
    public static final String PEAK_HEAP_BYTES = "system.peakHeapBytes";
    public static final List<String> ALL = List.of(IMAGES_SEEN, TRAIN_FLOPS, PARAMETERS, PEAK_RSS_BYTES, PEAK_HEAP_BYTES);
    /** Logged with the loss while training: the resident set at that step, in bytes. */
    public static final String RSS_BYTES = "system.rssBytes";

    private RunMetrics() {
    }
}
