package org.acdit4j.framework.run;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.spec.MetricName;
import org.acdit4j.framework.spec.ReportElementSpec;
import org.acdit4j.framework.spec.ReportElementSpec.MetricsRead;
import org.acdit4j.framework.spec.ReportSpec;
import org.acdit4j.framework.spec.RunMetrics;

/**
 * Checks the metric names of the report's declarations before anything runs: each must be a name some run can log,
 * one of {@link RunMetrics} or a metric a registered evaluator declares it writes ({@link Evaluator#metrics}:
 * {@code fid}, {@code precision-recall.recall}), for a guided evaluator only suffixed {@code /cfg<scale>}. Definitions
 * name them by the evaluators' typed names ({@code FidMetrics.at(1.5)}), but overrides such as
 * {@code report.metrics=} give them as text, so a misspelt name is refused here, in one line naming the element
 * that reads it. Every element, built in or added with {@code report.element}, declares the names it reads
 * ({@link ReportElementSpec#metricsRead}); a per-frame family ({@code byFrame}) must be named after a registered
 * evaluator. Which evaluators and guidances this configuration uses
 * is not checked: overrides such as {@code evaluate.evaluators=} only leave a plot or a table without values.
 */
final class ReportMetricNames {

    private ReportMetricNames() {
    }

    /**
     * Adds a problem, under the key that declares it, for every metric name of {@code report} that no run can log: the
     * tabulated metrics, the headline and every metric each element reads ({@link ReportElementSpec#metricsRead}).
     */
    static void check(ReportSpec report, Map<String, Evaluator> evaluators, Problems problems) {
        report.metrics().forEach(metric -> requireLogged("report.metrics", metric, evaluators, problems));
        report.headline().ifPresent(headline -> requireLogged("report.headline", headline.metric(), evaluators, problems));
        for (ReportElementSpec element : report.elements()) {
            MetricsRead read = element.metricsRead();
            read.metrics().forEach(metric -> requireLogged(read.declaredBy(), metric.text(), evaluators, problems));
            for (MetricName family : read.families()) {
                if (owner(family.text(), evaluators).isEmpty()) {
                    problems.add(read.declaredBy(), "no run logs the per-frame metrics '" + family.text()
                            + ".frame<t>': they are named after their evaluator ("
                            + String.join(", ", new TreeSet<>(evaluators.keySet())) + ")");
                }
            }
        }
    }

    private static void requireLogged(String key, String metric, Map<String, Evaluator> evaluators, Problems problems) {
        whyNotLogged(metric, evaluators).ifPresent(reason -> problems.add(key, reason));
    }

    /** The registered evaluator {@code metric} is named after (the longest such name), if any. */
    private static Optional<String> owner(String metric, Map<String, Evaluator> evaluators) {
        return evaluators.keySet().stream().filter(name -> metric.equals(name)
                        || metric.startsWith(name + ".") || metric.startsWith(name + "/"))
                .max(Comparator.comparingInt(String::length));
    }

    /** Why no run can log {@code metric}, or empty when some can. */
    static Optional<String> whyNotLogged(String metric, Map<String, Evaluator> evaluators) {
        List<String> runMetrics = RunMetrics.ALL.stream().map(MetricName::text).toList();
        if (runMetrics.contains(metric)) {
            return Optional.empty();
        }
        Optional<String> owner = owner(metric, evaluators);
        if (owner.isEmpty()) {
            return Optional.of("no run logs metric '" + metric + "': runs log " + String.join(", ", runMetrics)
                    + " and metrics named after their evaluator (" + String.join(", ", new TreeSet<>(evaluators.keySet()))
                    + ")");
        }
        Evaluator evaluator = evaluators.get(owner.get());
        MetricName name = new MetricName(metric);
        if (evaluator.guided() && !name.atGuidance()) {
            return Optional.of("no run logs metric '" + metric + "': " + owner.get()
                    + " is guided, so its metrics end in /cfg<scale>, a scale of evaluate.guidances (" + metric + "/cfg1.5)");
        }
        if (!evaluator.guided() && name.atGuidance()) {
            return Optional.of("no run logs metric '" + metric + "': " + owner.get()
                    + " is not guided, so its metrics have no /cfg<scale>");
        }
        List<String> declared = evaluator.metrics().stream().map(MetricName::text).toList();
        if (!declared.contains(name.withoutGuidance().text())) {
            String scale = evaluator.guided() ? "/cfg<scale>" : "";
            return Optional.of("no run logs metric '" + metric + "': " + owner.get() + " logs "
                    + declared.stream().map(written -> written + scale).collect(Collectors.joining(", ")));
        }
        return Optional.empty();
    }
}
