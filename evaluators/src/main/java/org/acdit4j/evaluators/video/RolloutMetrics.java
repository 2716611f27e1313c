package org.acdit4j.evaluators.video;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/**
 * The metrics {@link RolloutEvaluator} writes besides its series per frame ({@code rollout.fid.frame<t>},
 * {@code rollout.class-agreement.frame<t>}), measured once.
 */
public final class RolloutMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "rollout";

    /** The per-frame FID averaged over the frames within the trained clip length. */
    public static final MetricName FID_TRAINED = new MetricName(EVALUATOR + ".fid.trained");
    /** The per-frame FID averaged over the frames rolled out beyond it. */
    public static final MetricName FID_BEYOND = new MetricName(EVALUATOR + ".fid.beyond");
    /** The per-frame class agreement within the trained clip length. */
    public static final MetricName CLASS_AGREEMENT_TRAINED =
            new MetricName(EVALUATOR + ".class-agreement.trained");
    /** The per-frame class agreement beyond it. */
    public static final MetricName CLASS_AGREEMENT_BEYOND =
            new MetricName(EVALUATOR + ".class-agreement.beyond");
    /**
     * The family of the FID of each rolled-out frame index ({@code rollout.fid.frame<t>}, {@link MetricName#frame}),
     * to plot against frame index with {@code report.byFrame}.
     */
    public static final MetricName FID_PER_FRAME = new MetricName(EVALUATOR + ".fid");
    /** The family of the class agreement of each rolled-out frame index ({@code rollout.class-agreement.frame<t>}). */
    public static final MetricName CLASS_AGREEMENT_PER_FRAME =
            new MetricName(EVALUATOR + ".class-agreement");
    /** How many frames were rolled out. */
    public static final MetricName FRAMES = new MetricName(EVALUATOR + ".frames");
    /** The frames the model conditions on while rolling out. */
    public static final MetricName WINDOW = new MetricName(EVALUATOR + ".window");
    /** How many rollouts were measured. */
    public static final MetricName SAMPLES = new MetricName(EVALUATOR + ".samples");

    /** All of them but the per-frame families, what {@link RolloutEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(FID_TRAINED, FID_BEYOND, CLASS_AGREEMENT_TRAINED,
            CLASS_AGREEMENT_BEYOND, FRAMES, WINDOW, SAMPLES);

    private RolloutMetrics() {
    }
}
