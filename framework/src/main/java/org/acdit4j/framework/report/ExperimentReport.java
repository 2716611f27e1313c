package org.acdit4j.framework.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.LossCurve;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.acdit4j.framework.spec.PairedSpec;
import org.acdit4j.framework.spec.PlotSpec;
import org.acdit4j.framework.tracking.RunStatus;

/**
 * Builds {@code results/<experiment>/}: {@code summary.csv} (a row per run), {@code REPORT.md} (a table per
 * metric with mean ± 95% CI across seeds for every configuration, plus the spec, command, commit, machine
 * and wall time; the final values compare configurations at equal training steps, the {@code progress}
 * metrics also at equal training FLOPs) and PNG plots (metric against swept parameter with CI bars; progress
 * metrics against training FLOPs; metrics by configuration; loss curves) and, when asked for, differences paired by
 * seed against a baseline value (tabulated, and against a per-run quantity also plotted), from the run folders of the
 * experiment. Tables, legends and categorical axes name configurations by their
 * labels ({@link ConfigurationLabels}); {@code summary.csv} keeps the swept keys' values and adds the label.
 * {@code REPORT.md} opens with the finding by the headline metric ({@link ReportFinding}) and every configuration's
 * samples side by side; each run's grid is drawn again as a labelled, upscaled sheet ({@link SampleSheet}).
 */
public final class ExperimentReport {

    /** Context printed in the report's header. */
    public record Context(String command, String configYaml, double wallSeconds) {
    }

    /** The run's final sample grid, which the report draws again with labels. */
    private static final String FINAL_GRID = "final.png";
    /** The first seed's samples of every configuration side by side, which the report opens with. */
    static final String CONFIGURATION_SAMPLES = "samples/configurations.png";

    /** The sample files a run may leave, with what their caption adds to the run's label. */
    private static final Map<String, String> GRID_CAPTIONS = orderedCaptions();

    private ExperimentReport() {
    }

    private static Map<String, String> orderedCaptions() {
        Map<String, String> captions = new LinkedHashMap<>();
        captions.put(FINAL_GRID, "");
        captions.put("final.gif", ", animated");
        captions.put("rollout.gif", ", rolled out");
        return captions;
    }

    /** Loads the run records of {@code experiment} under {@code runsRoot}, sorted by index. */
    public static List<RunRecord> load(Path runsRoot, String experiment) {
        Path root = runsRoot.resolve(experiment);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(RunFolder::new).map(RunFolder::record)
                    .flatMap(Optional::stream)
                    .sorted(java.util.Comparator.comparingInt(RunRecord::index)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /**
     * Writes the report, naming configurations by {@code labels} and reading the runs' sample grids back with the
     * shape of their examples ({@code geometry}), and returns the files written.
     */
    public static List<Path> write(ExperimentSpec spec, ConfigurationLabels labels, RunGeometry geometry,
                                   List<RunRecord> runs, Path runsRoot, Path outputDir, Context context) {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        List<String> sweptKeys = spec.sweep().sweptKeys();
        Map<String, String> labelByRun = new LinkedHashMap<>();
        runs.forEach(run -> labelByRun.put(run.run(), configuration(run, labels)));
        List<RunRecord> finished = runs.stream().filter(run -> run.status() == RunStatus.FINISHED).toList();
        TreeSet<String> metricNames = new TreeSet<>();
        finished.forEach(run -> metricNames.addAll(run.metrics().keySet()));
        if (!spec.report().metrics().isEmpty()) {
            metricNames.retainAll(spec.report().metrics());
        }
        Path csv = outputDir.resolve("summary.csv");
        AtomicFiles.writeString(csv, SummaryCsv.render(runs, labelByRun, sweptKeys, List.copyOf(metricNames)));
        written.add(csv);

        Map<String, Map<String, List<Double>>> byMetric = new TreeMap<>();
        for (String metric : metricNames) {
            Map<String, List<Double>> byConfiguration = new LinkedHashMap<>();
            for (RunRecord run : finished) {
                Double value = run.metrics().get(metric);
                if (value != null && Double.isFinite(value)) {
                    byConfiguration.computeIfAbsent(labelByRun.get(run.run()), key -> new ArrayList<>()).add(value);
                }
            }
            byMetric.put(metric, byConfiguration);
        }
        List<String> plotFiles = new ArrayList<>();
        for (PlotSpec plot : spec.report().plots()) {
            Path png = outputDir.resolve(fileName(plot.metric()) + "-vs-" + fileName(plot.parameter()) + ".png");
            if (MetricPlot.write(plot, spec.report().axis(plot.parameter()), finished, labels, png)) {
                written.add(png);
                plotFiles.add(png.getFileName().toString());
            }
        }
        Map<String, Map<String, EqualCompute.Comparison>> equalCompute = new LinkedHashMap<>();   // metric → group →
        Map<String, List<EvaluationProgress.Point>> progress = new LinkedHashMap<>();     // by run name
        boolean equalComputePairs = spec.report().pairedAgainst().stream()
                .anyMatch(comparison -> comparison.basis() == ComputeBasis.EQUAL_COMPUTE);
        if (!spec.report().progress().isEmpty() || equalComputePairs) {
            finished.forEach(run -> progress.put(run.run(),
                    EvaluationProgress.read(RunFolder.of(runsRoot, spec.name(), run.run()))));
        }
        // The final evaluation uses evaluate.samples; when the ones while training use fewer, sample-size biased
        // metrics such as FID are not comparable across the two, so only the evaluations while training count.
        int whileTrainingSamples = spec.track().whileTraining(spec.evaluate()).samples();
        boolean finalEvaluationComparable = whileTrainingSamples == spec.evaluate().samples();
        ProgressCurves comparableCurves = (run, metric) -> progress.getOrDefault(run.run(), List.of()).stream()
                .filter(point -> point.metric().equals(metric) && Double.isFinite(point.value()))
                .filter(point -> point.step() < run.steps() || finalEvaluationComparable)
                .toList();
        for (String metric : spec.report().progress()) {
            Map<String, List<List<EvaluationProgress.Point>>> curves = new LinkedHashMap<>();
            Map<String, Map<String, List<List<EvaluationProgress.Point>>>> groups = new LinkedHashMap<>();
            String within = sweptKeys.contains(spec.report().equalComputeWithin()) ? spec.report().equalComputeWithin() : "";
            Map<String, String> groupByValue = new LinkedHashMap<>();     // value of the key → heading, first run's label
            for (RunRecord run : finished) {
                List<EvaluationProgress.Point> points = comparableCurves.of(run, metric);
                String configuration = labelByRun.get(run.run());
                curves.computeIfAbsent(configuration, key -> new ArrayList<>()).add(points);
                // by the key's value, not its label: a case of another plugin (token-AR at patch 4) describes it otherwise
                String group = within.isBlank() ? "" : groupByValue.computeIfAbsent(run.assignments().get(within),
                        value -> " within " + labels.of(run.assignments(), List.of(within)));
                groups.computeIfAbsent(group, key -> new LinkedHashMap<>())
                        .computeIfAbsent(configuration, key -> new ArrayList<>()).add(points);
            }
            Path png = outputDir.resolve("progress-" + fileName(metric) + ".png");
            if (ProgressPlot.write(metric, curves, png)) {
                written.add(png);
                plotFiles.add(png.getFileName().toString());
            }
            groups.forEach((group, groupCurves) -> {
                EqualCompute.Comparison comparison = EqualCompute.at(groupCurves);
                if (comparison != null) {
                    equalCompute.computeIfAbsent(metric, key -> new LinkedHashMap<>()).put(group, comparison);
                }
            });
        }
        for (String family : spec.report().byFrame()) {
            Map<String, List<Map<String, Double>>> runMetrics = new LinkedHashMap<>();
            for (RunRecord run : finished) {
                runMetrics.computeIfAbsent(labelByRun.get(run.run()), key -> new ArrayList<>()).add(run.metrics());
            }
            Path png = outputDir.resolve("by-frame-" + fileName(family) + ".png");
            if (FramePlot.write(family, runMetrics, png)) {
                written.add(png);
                plotFiles.add(png.getFileName().toString());
            }
        }
        List<String> definitionOrder = definitionOrder(finished, labelByRun, spec.sweep().configurations());
        for (String metric : spec.report().byConfiguration()) {
            Map<String, Map<Long, Double>> bySeed = new LinkedHashMap<>();          // configuration → seed → value
            definitionOrder.forEach(configuration -> bySeed.put(configuration, new TreeMap<>()));
            for (RunRecord run : finished) {
                Double value = run.metrics().get(metric);
                if (value != null && Double.isFinite(value)) {
                    bySeed.get(labelByRun.get(run.run())).put(run.seed(), value);
                }
            }
            bySeed.values().removeIf(Map::isEmpty);
            Path png = outputDir.resolve("by-configuration-" + fileName(metric) + ".png");
            if (ConfigurationPlot.write(metric, bySeed, png)) {
                written.add(png);
                plotFiles.add(png.getFileName().toString());
            }
        }
        Map<PairedAgainstSpec, List<PairedAgainst.Point>> pairedAgainst = new LinkedHashMap<>();
        for (PairedAgainstSpec comparison : spec.report().pairedAgainst()) {
            if (!sweptKeys.contains(comparison.paired().key())) {
                continue;
            }
            List<PairedAgainst.Point> points = PairedAgainst.of(comparison, finished, labels, comparableCurves);
            pairedAgainst.put(comparison, points);
            String basis = comparison.basis() == ComputeBasis.EQUAL_COMPUTE ? "equal-compute-" : "";
            for (String metric : comparison.paired().metrics()) {
                Path png = outputDir.resolve("paired-" + basis + fileName(metric) + "-vs-" + fileName(comparison.quantity())
                        + ".png");
                if (PairedAgainstPlot.write(comparison.basis(), comparison.quantity(), metric,
                        points.stream().filter(point -> point.metric().equals(metric)).toList(), png)) {
                    written.add(png);
                    plotFiles.add(png.getFileName().toString());
                }
            }
        }
        Path lossPng = outputDir.resolve("loss-curves.png");
        Map<String, List<LossCurve.Point>> curves = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            curves.put(runLabel(run, labels), LossCurve.read(RunFolder.of(runsRoot, spec.name(), run.run())));
        }
        if (LossPlot.write(curves, lossPng)) {
            written.add(lossPng);
            plotFiles.add(lossPng.getFileName().toString());
        }
        List<ReportMarkdown.SampleGrid> grids = new ArrayList<>();
        Map<String, SampleSheet.Panel> firstPanels = new LinkedHashMap<>();     // configuration → its first seed's samples
        for (RunRecord run : finished) {
            Path samples = RunFolder.of(runsRoot, spec.name(), run.run()).samples();
            for (String name : GRID_CAPTIONS.keySet()) {
                Path grid = samples.resolve(name);
                if (Files.isRegularFile(grid)) {
                    String suffix = name.startsWith("rollout") ? "-rollout" : "";
                    Path copy = outputDir.resolve("samples").resolve(run.run() + suffix + name.substring(name.indexOf('.')));
                    Optional<List<RunSampleGrid.Example>> examples = name.equals(FINAL_GRID)
                            ? geometry.of(run).flatMap(shape -> RunSampleGrid.read(image(grid), shape)) : Optional.empty();
                    if (examples.isPresent()) {
                        SampleSheet.write(List.of(SamplePanels.all(runLabel(run, labels), examples.get())), copy);
                        firstPanels.putIfAbsent(labelByRun.get(run.run()),
                                SamplePanels.firstClipOfEachClass(runLabel(run, labels), examples.get()));
                    } else {
                        copy(grid, copy);
                    }
                    written.add(copy);
                    grids.add(new ReportMarkdown.SampleGrid("samples/" + copy.getFileName(),
                            runLabel(run, labels) + GRID_CAPTIONS.get(name)));
                }
            }
        }
        Optional<String> configurationSamples = Optional.empty();
        if (!firstPanels.isEmpty()) {
            List<SampleSheet.Panel> panels = new ArrayList<>();
            definitionOrder.stream().filter(firstPanels::containsKey).forEach(label -> panels.add(firstPanels.get(label)));
            Path sheet = outputDir.resolve(CONFIGURATION_SAMPLES);
            SampleSheet.write(panels, sheet);
            written.add(sheet);
            configurationSamples = Optional.of(CONFIGURATION_SAMPLES);
        }
        Optional<String> finding = spec.report().headline().map(headline -> ReportFinding.render(headline,
                byMetric.getOrDefault(headline.metric(), Map.of()), equalCompute.getOrDefault(headline.metric(), Map.of()),
                finished));
        List<PairedDifferences.Row> paired = new ArrayList<>();
        for (PairedSpec comparison : spec.report().pairedBySeed()) {
            if (sweptKeys.contains(comparison.key())) {
                paired.addAll(PairedDifferences.of(comparison, finished, labels));
            }
        }
        Path markdown = outputDir.resolve("REPORT.md");
        AtomicFiles.writeString(markdown, ReportMarkdown.render(spec, runs, labelByRun, sweptKeys, finding,
                configurationSamples, byMetric, equalCompute, paired, pairedAgainst, plotFiles, grids, context));
        written.add(markdown);
        return written;
    }

    /**
     * The labels of the finished runs' configurations in the order the definition lists them: by the position of
     * their runs among the {@code perSeed} plans of a seed (seeds are outermost), whichever seeds finished.
     */
    private static List<String> definitionOrder(List<RunRecord> finished, Map<String, String> labelByRun, int perSeed) {
        Map<String, Integer> position = new LinkedHashMap<>();
        finished.forEach(run -> position.merge(labelByRun.get(run.run()), run.index() % perSeed, Math::min));
        return position.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    private static BufferedImage image(Path png) {
        try {
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) {
                throw new IllegalStateException(png + " is not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + png, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            AtomicFiles.write(to, Files.readAllBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

    /** {@code fid_cfg1.5}: a metric or key as part of a file name. */
    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9.]+", "_");
    }

    /** {@code AR length 4 (block 4), seed 0}: the label of a run's configuration and its seed. */
    static String runLabel(RunRecord run, ConfigurationLabels labels) {
        String label = labels.of(run.assignments());
        return (label.isBlank() ? "" : label + ", ") + "seed " + run.seed();
    }

    /** {@code AR length 4 (block 4)}: the label of a run's configuration (its swept values, without its seed). */
    static String configuration(RunRecord run, ConfigurationLabels labels) {
        String label = labels.of(run.assignments());
        return label.isBlank() ? "(single configuration)" : label;
    }
}
