package org.acdit4j.framework.spec;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A metric as runs log it, by the text of its key in run.json, MLflow, summary.csv and the reports: one of the run's
 * own metrics ({@code parameters}) or a metric an evaluator writes, named after the evaluator
 * ({@code sampling-speed.secondsPerImage.kvCache}) and, for a guided evaluator, measured at a guidance scale
 * ({@code fid/cfg1.5}). Evaluators declare the names they write beside them, so a definition refers to
 * {@code FidMetrics.at(1.5)} rather than to its text.
 */
public record MetricName(String text) {

    /** Separates a guided evaluator's metric from the guidance scale it was measured at. */
    private static final String GUIDANCE = "/cfg";
    /** The guidance scale ending the name of a metric measured at one, as {@link #at} writes it. */
    private static final Pattern AT_GUIDANCE = Pattern.compile(Pattern.quote(GUIDANCE) + "\\d+(\\.\\d+)?$");

    public MetricName {
        Objects.requireNonNull(text, "text");
    }

    /**
     * This metric of a guided evaluator as measured at the guidance scale {@code guidance}, the key it is logged under:
     * {@code fid} at 1.5 is {@code fid/cfg1.5}, at 1 {@code fid/cfg1.0}.
     */
    public MetricName at(double guidance) {
        return new MetricName(text + GUIDANCE + guidance);
    }

    /**
     * The metric of this per-frame family at frame index {@code frame} (as video evaluators write their series and
     * {@code report.byFrame} plots them): {@code frame-fid} at 3 is {@code frame-fid.frame3}.
     */
    public MetricName frame(int frame) {
        return new MetricName(text + ".frame" + frame);
    }

    /** Whether this names a metric as measured at a guidance scale ({@code fid/cfg1.5}). */
    public boolean atGuidance() {
        return AT_GUIDANCE.matcher(text).find();
    }

    /** The metric without the guidance scale it was measured at: {@code fid} for {@code fid/cfg1.5}, else itself. */
    public MetricName withoutGuidance() {
        return new MetricName(AT_GUIDANCE.matcher(text).replaceFirst(""));
    }

    @Override
    public String toString() {
        return text;
    }
}
