package org.acdit4j.evaluators.video;

import java.util.List;
import org.acdit4j.framework.spec.MetricName;

/**
 * The metrics {@link FrameFidEvaluator} writes besides its series per frame ({@code frame-fid.frame<t>}), each logged
 * at every guidance scale of {@code evaluate.guidances}.
 */
public final class FrameFidMetrics {

    /** The evaluator's registered name, the prefix of every metric name below. */
    public static final String EVALUATOR = "frame-fid";

    /** The FID of the generated frames, averaged over frame positions. */
    static final MetricName FRAME_FID = new MetricName(EVALUATOR);
    /**
     * The family of the FID of each frame index ({@code frame-fid.frame<t>}, {@link MetricName#frame}), to plot
     * against frame index with {@code report.byFrame}.
     */
    public static final MetricName PER_FRAME = new MetricName(EVALUATOR);
    /** How many clips it was measured on. */
    static final MetricName SAMPLES = new MetricName(EVALUATOR + ".samples");

    /** All of them but the per-frame family, what {@link FrameFidEvaluator#metrics} declares. */
    static final List<MetricName> WRITTEN = List.of(FRAME_FID, SAMPLES);

    private FrameFidMetrics() {
    }

    /**
     * The FID of the generated frames, averaged over frame positions, measured at the guidance scale {@code guidance}.
     */
    public static MetricName at(double guidance) {
        return FRAME_FID.at(guidance);
    }
}
