package org.acdit4j.framework.dsl;

import java.util.Optional;
import org.acdit4j.framework.spec.RunMetrics;

/**
 * Whether the runs of a configuration log a metric, judged from its name before anything runs: a run logs its own
 * {@link RunMetrics} and the metrics of the evaluators of {@code evaluate.evaluators}, each named after its evaluator
 * ({@code fid}, {@code precision-recall.recall}), a guided one suffixed by a scale of {@code evaluate.guidances}
 * ({@code fid/cfg1.5}).
 */
final class LoggedMetrics {

    private static final String GUIDANCE_SUFFIX = "/cfg";

    private LoggedMetrics() {
    }

    /** Why no run of {@code evaluate}'s configuration logs {@code metric}, or empty when runs log it. */
    static Optional<String> whyNot(String metric, EvaluateSection evaluate) {
        if (RunMetrics.ALL.contains(metric)) {
            return Optional.empty();
        }
        boolean evaluated = evaluate.evaluators.stream().anyMatch(evaluator -> metric.equals(evaluator)
                || metric.startsWith(evaluator + ".") || metric.startsWith(evaluator + GUIDANCE_SUFFIX));
        if (!evaluated) {
            return Optional.of("no run logs metric '" + metric + "': runs log " + String.join(", ", RunMetrics.ALL)
                    + " and the metrics of evaluate.evaluators " + evaluate.evaluators
                    + ", each named after its evaluator");
        }
        int suffix = metric.lastIndexOf(GUIDANCE_SUFFIX);
        boolean measuredScale = suffix < 0 || evaluate.guidances.stream().map(String::valueOf)
                .anyMatch(metric.substring(suffix + GUIDANCE_SUFFIX.length())::equals);
        return measuredScale ? Optional.empty() : Optional.of("no run logs metric '" + metric
                + "': guided metrics are measured at evaluate.guidances " + evaluate.guidances);
    }
}
