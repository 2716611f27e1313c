package org.acdit4j.experiments.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which metrics {@code acdit runs} shows as columns for an experiment: the ones named with {@code --metrics}, all
 * that were logged ({@code --all-metrics}), or by default those its definition's report tabulates (the ones of
 * them that were logged; {@code train.loss} for experiments no definition names or whose runs have none of them).
 */
final class MetricColumns {

    static final String FALLBACK = "train.loss";

    private final List<String> chosen;
    private final boolean all;
    private final Map<String, List<String>> reportMetrics;

    private MetricColumns(List<String> chosen, boolean all, Map<String, List<String>> reportMetrics) {
        this.chosen = List.copyOf(chosen);
        this.all = all;
        this.reportMetrics = Map.copyOf(reportMetrics);
    }

    static MetricColumns chosen(List<String> metrics) {
        return new MetricColumns(metrics, false, Map.of());
    }

    static MetricColumns all() {
        return new MetricColumns(List.of(), true, Map.of());
    }

    /** @param reportMetrics the tabulated metrics of each definition, by its tracking experiment name */
    static MetricColumns fromReports(Map<String, List<String>> reportMetrics) {
        return new MetricColumns(List.of(), false, reportMetrics);
    }

    /** The columns for one experiment and how they were chosen, for the listing's header. */
    record Choice(List<String> metrics, String origin) {
    }

    /** The columns for {@code experiment}, whose runs logged {@code logged}. */
    Choice columns(String experiment, Set<String> logged) {
        if (all) {
            return new Choice(List.copyOf(new TreeSet<>(logged)), "all metrics");
        }
        if (!chosen.isEmpty()) {
            return new Choice(chosen, "the metrics asked for");
        }
        List<String> columns = new ArrayList<>(reportMetrics.getOrDefault(experiment, List.of()));
        columns.retainAll(logged);
        return columns.isEmpty()
                ? new Choice(List.of(FALLBACK), FALLBACK + " (no report metric of a known experiment was logged)")
                : new Choice(columns, "the experiment's report metrics");
    }
}
