package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.List;
import org.acdit4j.framework.spec.PairedSpec;
import org.acdit4j.framework.spec.PlotSpec;
import org.acdit4j.framework.spec.ReportSpec;

/** {@code report}: plots of metrics against swept parameters, which metrics to tabulate and to follow over training. */
public final class ReportSection extends Section {

    List<String> metrics = new ArrayList<>();
    List<String> progress = new ArrayList<>();
    List<String> byFrame = new ArrayList<>();
    String equalComputeWithin = "";
    private final List<PlotSpec> plots = new ArrayList<>();
    private final List<PairedSpec> paired = new ArrayList<>();

    public ReportSection plot(String metric, String parameter) {
        plots.add(new PlotSpec(metric, parameter));
        return this;
    }

    public ReportSection metrics(String... names) {
        this.metrics = new ArrayList<>(List.of(names));
        return this;
    }

    /**
     * Follows {@code metric} over training (needs {@code track.evaluateEvery}): a plot against training FLOPs
     * per configuration and a table of every configuration at the largest compute all of them reached.
     */
    public ReportSection progress(String... metricNames) {
        this.progress = new ArrayList<>(List.of(metricNames));
        return this;
    }

    /**
     * Plots each metric family {@code m} (metrics {@code m.frame0}, {@code m.frame1}, … of video evaluators)
     * against frame index, one line per configuration (mean over seeds).
     */
    public ReportSection byFrame(String... metricFamilies) {
        this.byFrame = new ArrayList<>(List.of(metricFamilies));
        return this;
    }

    /**
     * Compares at equal compute separately for each value of the swept key {@code key}, e.g. {@code model.patch}
     * when configurations of different patch sizes differ several-fold in cost per step. When overrides leave the
     * key unswept there is one comparison, as without this setting.
     */
    public ReportSection equalComputeWithin(String key) {
        this.equalComputeWithin = key;
        return this;
    }

    /**
     * Compares every value of the swept {@code key} with {@code baseline} seed by seed: a table of the
     * differences of {@code metricNames} (value − baseline, same seed and same other swept values), mean ± 95% CI
     * over seeds. For ablations, whose arms share seeds and so initial weights and data order. Each call adds one
     * comparison; a second call for the same key replaces its comparison (a preset that sweeps other values).
     */
    public ReportSection pairedBySeed(String key, String baseline, String... metricNames) {
        paired.removeIf(comparison -> comparison.key().equals(key));
        paired.add(new PairedSpec(key, baseline, List.of(metricNames)));
        return this;
    }

    @Override
    protected String key() {
        return "report";
    }

    @Override
    protected void validate(Problems problems) {
        for (PlotSpec plot : plots) {
            problems.require(!plot.metric().isBlank(), "report.plot", "needs a metric name");
        }
    }

    /** Plots must be against a swept key (or the seed), otherwise there is no x axis; so must a paired comparison. */
    void validateAgainst(SweepSection sweep, Problems problems) {
        for (PlotSpec plot : plots) {
            problems.require(sweep.sweptKeys().contains(plot.parameter()), "report.plot",
                    "parameter '" + plot.parameter() + "' of the " + plot.metric() + " plot is not swept; swept: "
                            + String.join(", ", sweep.sweptKeys()));
        }
        for (PairedSpec comparison : paired) {
            problems.require(sweep.sweptKeys().contains(comparison.key()), "report.pairedBySeed",
                    "key '" + comparison.key() + "' is not swept; swept: " + String.join(", ", sweep.sweptKeys()));
            problems.require(!sweep.sweptKeys().contains(comparison.key())
                            || sweep.sweptValues(comparison.key()).contains(comparison.baseline()), "report.pairedBySeed",
                    "baseline " + comparison.key() + "=" + comparison.baseline() + " is not among the swept values "
                            + sweep.sweptValues(comparison.key()));
            problems.require(!comparison.metrics().isEmpty(), "report.pairedBySeed", "needs at least one metric name");
        }
    }

    ReportSpec freeze() {
        return new ReportSpec(plots, metrics, progress, byFrame, equalComputeWithin, paired);
    }
}
