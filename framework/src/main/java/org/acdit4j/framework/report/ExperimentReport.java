package org.acdit4j.framework.report;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.HeadlineSpec;
import org.acdit4j.framework.spec.ProgressSpec;

/**
 * Builds {@code results/<experiment>/} from the run folders of the experiment: {@code summary.csv} (a row per run,
 * the swept keys' values and the configuration's label), the elements the report declares (plots against swept keys,
 * progress and equal compute, by configuration, by frame, paired by seed, paired against a per-run quantity, loss
 * curves, sample grids; each rendered by the renderer {@link ReportElements} registers for its spec's type) and
 * {@code REPORT.md}: the finding by the headline metric ({@link ReportFinding}), the spec, command, commit, machine and
 * wall time, a table per metric with mean ± 95% CI across seeds for every configuration at equal training steps, and
 * what the elements add ({@link ReportMarkdown}). Tables, legends and categorical axes name configurations by their
 * labels ({@link ConfigurationLabels}). Injected, with the renderers {@link ReportElementsModule} registers.
 */
public final class ExperimentReport {

    /** Context printed in the report's header. */
    public record Context(String command, String configYaml, double wallSeconds) {
    }

    private final ReportElements elements;

    @Inject
    ExperimentReport(ReportElements elements) {
        this.elements = elements;
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
                    .sorted(Comparator.comparingInt(RunRecord::index)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /**
     * Writes the report, naming configurations by {@code labels} and reading the runs' sample grids back with the
     * shape of their examples ({@code geometry}), and returns the files written.
     */
    public List<Path> write(ExperimentSpec spec, ConfigurationLabels labels, RunGeometry geometry, List<RunRecord> runs,
                            Path runsRoot, Path outputDir, Context context) {
        return write(new ReportRuns(spec, labels, geometry, runs, runsRoot, outputDir), context);
    }

    /** Writes the report of {@code runs}; returns the files written. */
    List<Path> write(ReportRuns runs, Context context) {
        System.setProperty("java.awt.headless", "true");
        ReportPage page = elements.render(runs);
        List<String> metrics = tabulatedMetrics(runs);
        Path csv = runs.output("summary.csv");
        AtomicFiles.writeString(csv, SummaryCsv.render(runs.all(), runs.configurationByRun(), runs.sweptKeys(), metrics));
        Map<String, Map<String, List<Double>>> atEqualSteps = atEqualSteps(runs, metrics);
        Optional<String> finding = runs.spec().report().headline().map(headline -> ReportFinding.render(headline,
                atEqualSteps.getOrDefault(headline.metric(), Map.of()), atEqualCompute(headline, runs), runs.finished()));
        Path markdown = runs.output("REPORT.md");
        AtomicFiles.writeString(markdown, ReportMarkdown.render(runs, finding, atEqualSteps, page, context));
        List<Path> written = new ArrayList<>(List.of(csv));
        written.addAll(page.files());
        written.add(markdown);
        return written;
    }

    /** The metrics of the finished runs, by name, as far as {@code report.metrics} names them (when it does). */
    private static List<String> tabulatedMetrics(ReportRuns runs) {
        TreeSet<String> names = new TreeSet<>();
        runs.finished().forEach(run -> names.addAll(run.metrics().keySet()));
        List<String> declared = runs.spec().report().metrics();
        if (!declared.isEmpty()) {
            names.retainAll(declared);
        }
        return List.copyOf(names);
    }

    /** By metric, by configuration, the finished runs' finite final values (one per seed). */
    private static Map<String, Map<String, List<Double>>> atEqualSteps(ReportRuns runs, List<String> metrics) {
        Map<String, Map<String, List<Double>>> byMetric = new TreeMap<>();
        for (String metric : metrics) {
            Map<String, List<Double>> byConfiguration = new LinkedHashMap<>();
            for (RunRecord run : runs.finished()) {
                Double value = run.metrics().get(metric);
                if (value != null && Double.isFinite(value)) {
                    byConfiguration.computeIfAbsent(runs.configuration(run), key -> new ArrayList<>()).add(value);
                }
            }
            byMetric.put(metric, byConfiguration);
        }
        return byMetric;
    }

    /** The headline metric's equal-compute comparisons by group; empty when it is not followed over training. */
    private static Map<String, EqualCompute.Comparison> atEqualCompute(HeadlineSpec headline, ReportRuns runs) {
        return runs.spec().report().elements(ProgressSpec.class).stream()
                .filter(progress -> progress.metrics().contains(headline.metric())).findFirst()
                .map(progress -> EqualCompute.byGroup(progress, headline.metric(), runs))
                .orElse(Map.of());
    }
}
