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
    public static final List<String> ALL = List.of(IMAGES_SEEN, TRAIN_FLOPS, PARAMETERS);

    private RunMetrics() {
    }
}
