package org.acdit4j.framework.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.acdit4j.framework.spec.ReportSpec;
import org.acdit4j.framework.spec.RunMetrics;

/**
 * Checks the metric names of the report's plots by configuration and against a quantity before anything runs: each
 * must be a name some run can log, one of {@link RunMetrics} or a metric of a registered evaluator, named after it
 * ({@code fid}, {@code precision-recall.recall}) and, for a guided evaluator only, suffixed {@code /cfg<scale>}. Which
 * evaluators and guidances this configuration uses is not checked: overrides such as {@code evaluate.evaluators=}
 * only leave a plot without points, as for the other plots.
 */
final class ReportMetricNames {

    private static final Pattern GUIDANCE_SUFFIX = Pattern.compile("/cfg\\d+(\\.\\d+)?$");

    private ReportMetricNames() {
    }

    /** Adds a problem for every name of {@code report}'s two declarations that no run can log. */
    static void check(ReportSpec report, Map<String, Evaluator> evaluators, Problems problems) {
        for (String metric : report.byConfiguration()) {
            whyNotLogged(metric, evaluators).ifPresent(reason -> problems.add("report.byConfiguration", reason));
        }
        for (PairedAgainstSpec comparison : report.pairedAgainst()) {
            List<String> names = new ArrayList<>(List.of(comparison.quantity()));
            names.addAll(comparison.paired().metrics());
            for (String metric : names) {
                whyNotLogged(metric, evaluators).ifPresent(reason -> problems.add("report.pairedBySeedAgainst", reason));
            }
        }
    }

    /** Why no run can log {@code metric}, or empty when some can. */
    static Optional<String> whyNotLogged(String metric, Map<String, Evaluator> evaluators) {
        if (RunMetrics.ALL.contains(metric)) {
            return Optional.empty();
        }
        Optional<String> owner = evaluators.keySet().stream().filter(name -> metric.equals(name)
                        || metric.startsWith(name + ".") || metric.startsWith(name + "/"))
                .max(Comparator.comparingInt(String::length));
        if (owner.isEmpty()) {
            return Optional.of("no run logs metric '" + metric + "': runs log " + String.join(", ", RunMetrics.ALL)
                    + " and metrics named after their evaluator (" + String.join(", ", new TreeSet<>(evaluators.keySet()))
                    + ")");
        }
        boolean guided = evaluators.get(owner.get()).guided();
        boolean suffixed = GUIDANCE_SUFFIX.matcher(metric).find();
        if (guided && !suffixed) {
            return Optional.of("no run logs metric '" + metric + "': " + owner.get()
                    + " is guided, so its metrics end in /cfg<scale>, a scale of evaluate.guidances (" + metric + "/cfg1.5)");
        }
        if (!guided && metric.contains("/cfg")) {
            return Optional.of("no run logs metric '" + metric + "': " + owner.get()
                    + " is not guided, so its metrics have no /cfg<scale>");
        }
        return Optional.empty();
    }
}
