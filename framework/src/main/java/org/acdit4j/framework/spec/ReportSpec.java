package org.acdit4j.framework.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report section: the metrics tabulated at equal training steps (empty = every metric), the report's
 * {@code elements} in declaration order ({@link ReportElementSpec}: plots, comparisons, loss curves, sample grids),
 * the {@code headline} metric the report's opening finding ranks configurations by (empty: no finding) and how the
 * plots present swept keys on their axes ({@code axes}, by key).
 */
public record ReportSpec(List<String> metrics, List<ReportElementSpec> elements, Optional<HeadlineSpec> headline,
                         Map<String, SweptKeyAxis> axes) {

    public ReportSpec {
        metrics = List.copyOf(metrics);
        elements = List.copyOf(elements);
        axes = Map.copyOf(axes);
    }

    /** The elements of {@code type}, in declaration order. */
    public <S extends ReportElementSpec> List<S> elements(Class<S> type) {
        return elements.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** How the plots present {@code key}, if the definition says. */
    public Optional<SweptKeyAxis> axis(String key) {
        return Optional.ofNullable(axes.get(key));
    }

    /** The plots of a metric against a swept key. */
    public List<PlotSpec> plots() {
        return elements(PlotSpec.class);
    }

    /** The metrics followed over training. */
    public List<String> progress() {
        return elements(ProgressSpec.class).stream().flatMap(progress -> progress.metrics().stream()).toList();
    }

    /** The per-frame metric families plotted against frame index. */
    public List<String> byFrame() {
        return elements(ByFrameSpec.class).stream().flatMap(byFrame -> byFrame.families().stream()).toList();
    }

    /** The metrics plotted with a point per configuration. */
    public List<String> byConfiguration() {
        return elements(ByConfigurationSpec.class).stream().flatMap(plot -> plot.metrics().stream()).toList();
    }

    /** The comparisons of a swept key's values with its baseline, paired by seed. */
    public List<PairedSpec> pairedBySeed() {
        return elements(PairedSpec.class);
    }

    /** The paired comparisons drawn against a per-run quantity. */
    public List<PairedAgainstSpec> pairedAgainst() {
        return elements(PairedAgainstSpec.class);
    }
}
