package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.acdit4j.framework.spec.ByConfigurationSpec;
import org.acdit4j.framework.spec.ByFrameSpec;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.HeadlineSpec;
import org.acdit4j.framework.spec.LossCurvesSpec;
import org.acdit4j.framework.spec.MetricDirection;
import org.acdit4j.framework.spec.MetricName;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.acdit4j.framework.spec.PairedSpec;
import org.acdit4j.framework.spec.PlotSpec;
import org.acdit4j.framework.spec.ProgressSpec;
import org.acdit4j.framework.spec.ReportElementSpec;
import org.acdit4j.framework.spec.ReportSpec;
import org.acdit4j.framework.spec.SampleGridsSpec;
import org.acdit4j.framework.spec.SweptKeyAxis;

/**
 * {@code report}: plots of metrics against swept parameters and by configuration, which metrics to tabulate and to
 * follow over training, differences paired by seed (tabulated, and plotted against a per-run quantity), the metric of
 * the opening finding and how swept keys are presented on the plots' axes. Each declaration becomes one element of the
 * {@link ReportSpec}; every report also has loss curves and sample grids, and {@link #element} declares any other.
 */
public final class ReportSection extends Section {

    List<String> metrics = new ArrayList<>();
    List<String> progress = new ArrayList<>();
    List<String> byFrame = new ArrayList<>();
    String equalComputeWithin = "";
    List<String> byConfiguration = new ArrayList<>();
    private final List<PlotSpec> plots = new ArrayList<>();
    private final List<PairedSpec> paired = new ArrayList<>();
    private final List<PairedAgainstSpec> pairedAgainst = new ArrayList<>();
    private transient HeadlineSpec headline;     // transient: a declaration of the definition, not a key
    private final Map<String, SweptKeyAxis> axes = new LinkedHashMap<>();
    private final List<ReportElementSpec> elements = new ArrayList<>();

    public ReportSection plot(MetricName metric, String parameter) {
        plots.add(new PlotSpec(metric.text(), parameter));
        return this;
    }

    public ReportSection metrics(MetricName... names) {
        this.metrics = texts(names);
        return this;
    }

    /**
     * Follows {@code metric} over training (needs {@code track.evaluateEvery}): a plot against training FLOPs
     * per configuration and a table of every configuration at the largest compute all of them reached.
     */
    public ReportSection progress(MetricName... metricNames) {
        this.progress = texts(metricNames);
        return this;
    }

    /**
     * Plots each metric family {@code m} (metrics {@code m.frame0}, {@code m.frame1}, … of video evaluators)
     * against frame index, one line per configuration (mean over seeds).
     */
    public ReportSection byFrame(MetricName... metricFamilies) {
        this.byFrame = texts(metricFamilies);
        return this;
    }

    /**
     * Plots each metric with one point per configuration, whatever keys it sweeps (a case of another model plugin
     * lacks some): the mean over seeds with its 95% CI, each seed as a small mark, the categories named by the
     * configurations' labels in definition order. Replaces the metrics of an earlier call.
     */
    public ReportSection byConfiguration(MetricName... metricNames) {
        this.byConfiguration = texts(metricNames);
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
    public ReportSection pairedBySeed(String key, String baseline, MetricName... metricNames) {
        paired.removeIf(comparison -> comparison.key().equals(key));
        paired.add(new PairedSpec(key, baseline, texts(metricNames)));
        return this;
    }

    /**
     * Draws the differences of {@link #pairedBySeed} against a per-run quantity: for each compared configuration (a
     * value of the swept {@code key} other than {@code baseline}, at given values of the other swept keys) the mean
     * difference over seeds of each of {@code metricNames} with its 95% CI and the seeds' differences, at the mean of
     * {@code quantity} (a metric every run logs, e.g. {@code parameters} or {@code train.flops}) over the compared runs;
     * one series per compared value of the key, a plot per metric, and a table. The runs are compared by their final
     * metrics ({@link ComputeBasis#EQUAL_STEPS}); see the overload for equal compute.
     */
    public ReportSection pairedBySeedAgainst(MetricName quantity, String key, String baseline,
                                             MetricName... metricNames) {
        return pairedBySeedAgainst(ComputeBasis.EQUAL_STEPS, quantity, key, baseline, metricNames);
    }

    /**
     * As {@link #pairedBySeedAgainst(MetricName, String, String, MetricName...)}, on the given basis: at
     * {@link ComputeBasis#EQUAL_COMPUTE} each pair is read on its runs' evaluations while training at the largest
     * training FLOPs both reached, so the metrics must be followed over training ({@link #progress}). A second call for
     * the same basis, quantity and key replaces its comparison.
     */
    public ReportSection pairedBySeedAgainst(ComputeBasis basis, MetricName quantity, String key, String baseline,
                                             MetricName... metricNames) {
        pairedAgainst.removeIf(comparison -> comparison.basis() == basis
                && comparison.quantity().equals(quantity.text()) && comparison.paired().key().equals(key));
        pairedAgainst.add(new PairedAgainstSpec(quantity.text(), new PairedSpec(key, baseline, texts(metricNames)),
                basis));
        return this;
    }

    /**
     * Opens the report with the finding by {@code metric}: the best configuration at equal training steps and, when the
     * metric is followed over training ({@link #progress}), at equal training compute, the best one by
     * {@code direction}. The metric must be one the report tabulates ({@link #metrics}, when given). A second call
     * replaces the first.
     */
    public ReportSection headline(MetricName metric, MetricDirection direction) {
        this.headline = new HeadlineSpec(metric.text(), direction);
        return this;
    }

    /**
     * Presents the swept key {@code axis.key()} on every plot against it under the axis' title, each configuration at
     * its position on the axis (ACDiT's block size as the AR length); a second call for the same key replaces it.
     */
    public ReportSection axis(SweptKeyAxis axis) {
        axes.put(axis.key(), axis);
        return this;
    }

    /**
     * Adds {@code element} to the report: any element a renderer is registered for, besides those the methods above
     * declare (one report section per kind of element, in the report's order of kinds).
     */
    public ReportSection element(ReportElementSpec element) {
        elements.add(element);
        return this;
    }

    /** The texts of {@code names}, as the report's keys hold them (overrides give them as text). */
    private static List<String> texts(MetricName... names) {
        return new ArrayList<>(Stream.of(names).map(MetricName::text).toList());
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
        if (headline != null) {
            problems.require(metrics.isEmpty() || metrics.contains(headline.metric()), "report.headline",
                    "metric '" + headline.metric() + "' is not tabulated; report.metrics: " + String.join(", ", metrics));
        }
    }

    /**
     * Plots must be against a swept key (or the seed), otherwise there is no x axis; so must a paired comparison.
     * Whether runs can log the metrics named is for preflight, which knows the evaluators.
     */
    void validateAgainst(SweepSection sweep, Problems problems) {
        for (PlotSpec plot : plots) {
            problems.require(sweep.sweptKeys().contains(plot.parameter()), "report.plot",
                    "parameter '" + plot.parameter() + "' of the " + plot.metric() + " plot is not swept; swept: "
                            + String.join(", ", sweep.sweptKeys()));
        }
        for (PairedSpec comparison : paired) {
            validatePaired(comparison, "report.pairedBySeed", sweep, problems);
        }
        for (PairedAgainstSpec comparison : pairedAgainst) {
            validatePaired(comparison.paired(), "report.pairedBySeedAgainst", sweep, problems);
            if (comparison.basis() == ComputeBasis.EQUAL_COMPUTE) {
                for (String metric : comparison.paired().metrics()) {
                    problems.require(progress.contains(metric), "report.pairedBySeedAgainst",
                            "metric '" + metric + "' is compared at equal compute but not followed over training; "
                                    + "report.progress follows " + (progress.isEmpty() ? "none" : String.join(", ", progress)));
                }
            }
        }
    }

    private static void validatePaired(PairedSpec comparison, String where, SweepSection sweep, Problems problems) {
        problems.require(sweep.sweptKeys().contains(comparison.key()), where,
                "key '" + comparison.key() + "' is not swept; swept: " + String.join(", ", sweep.sweptKeys()));
        problems.require(!sweep.sweptKeys().contains(comparison.key())
                        || sweep.sweptValues(comparison.key()).contains(comparison.baseline()), where,
                "baseline " + comparison.key() + "=" + comparison.baseline() + " is not among the swept values "
                        + sweep.sweptValues(comparison.key()));
        problems.require(!comparison.metrics().isEmpty(), where, "needs at least one metric name");
    }

    ReportSpec freeze() {
        List<ReportElementSpec> declared = new ArrayList<>(plots);
        if (!progress.isEmpty()) {
            declared.add(new ProgressSpec(progress, equalComputeWithin));
        }
        if (!byFrame.isEmpty()) {
            declared.add(new ByFrameSpec(byFrame));
        }
        if (!byConfiguration.isEmpty()) {
            declared.add(new ByConfigurationSpec(byConfiguration));
        }
        declared.addAll(paired);
        declared.addAll(pairedAgainst);
        declared.addAll(elements);
        declared.add(new LossCurvesSpec());
        declared.add(new SampleGridsSpec());
        return new ReportSpec(metrics, declared, Optional.ofNullable(headline), axes);
    }
}
