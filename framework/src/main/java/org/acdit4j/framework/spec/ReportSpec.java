package org.acdit4j.framework.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report section: plots, the metrics tabulated (empty = every metric) and the metrics followed over
 * training ({@code progress}: plotted against training FLOPs and compared at equal compute), and the
 * per-frame metric families plotted against frame index ({@code byFrame}: {@code m} stands for the metrics
 * {@code m.frame0}, {@code m.frame1}, …). {@code equalComputeWithin} names a swept key whose values form separate
 * equal-compute comparisons (e.g. {@code model.patch}, when patch sizes differ several-fold in cost); blank = one.
 * {@code byConfiguration} plots each of its metrics with a point per configuration, categories named by their labels.
 * {@code pairedBySeed} compares the values of a swept key with a baseline value seed by seed; {@code pairedAgainst}
 * draws such differences against a per-run quantity. {@code headline} is the metric the report's opening finding
 * ranks configurations by (empty: no finding); {@code axes} present swept keys on the plots against them, by key.
 */
public record ReportSpec(List<PlotSpec> plots, List<String> metrics, List<String> progress, List<String> byFrame,
                         String equalComputeWithin, List<String> byConfiguration, List<PairedSpec> pairedBySeed,
                         List<PairedAgainstSpec> pairedAgainst, Optional<HeadlineSpec> headline,
                         Map<String, SweptKeyAxis> axes) {

    public ReportSpec {
        plots = List.copyOf(plots);
        metrics = List.copyOf(metrics);
        progress = List.copyOf(progress);
        byFrame = List.copyOf(byFrame);
        byConfiguration = List.copyOf(byConfiguration);
        pairedBySeed = List.copyOf(pairedBySeed);
        pairedAgainst = List.copyOf(pairedAgainst);
        axes = Map.copyOf(axes);
    }

    /** How the plots present {@code key}, if the definition says. */
    public Optional<SweptKeyAxis> axis(String key) {
        return Optional.ofNullable(axes.get(key));
    }
}
