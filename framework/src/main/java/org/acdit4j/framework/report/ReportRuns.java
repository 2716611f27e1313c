package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.StoredPlan;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.tracking.RunStatus;

/**
 * What every element of a report reads: the experiment's spec, its runs (all of them, and the finished ones), the
 * labels that name their configurations, their run folders and the folder the report is written to. A run's
 * evaluations while training are read from its folder once, by whichever element first asks.
 */
final class ReportRuns {

    private final ExperimentSpec spec;
    private final ConfigurationLabels labels;
    private final RunGeometry geometry;
    private final List<RunRecord> all;
    private final List<RunRecord> finished;
    private final Map<String, String> configurationByRun = new LinkedHashMap<>();
    private final Map<String, String> plannedLabelByRun = new HashMap<>();
    private final Path runsRoot;
    private final Path outputDir;
    private final Map<String, List<EvaluationProgress.Point>> progressByRun = new HashMap<>();

    ReportRuns(ExperimentSpec spec, ConfigurationLabels labels, RunGeometry geometry, List<RunRecord> runs, Path runsRoot,
               Path outputDir) {
        this.spec = spec;
        this.labels = labels;
        this.geometry = geometry;
        this.all = List.copyOf(runs);
        this.finished = runs.stream().filter(run -> run.status() == RunStatus.FINISHED).toList();
        this.runsRoot = runsRoot;
        this.outputDir = outputDir;
        runs.forEach(run -> configurationByRun.put(run.run(), configurationLabel(run)));
    }

    ExperimentSpec spec() {
        return spec;
    }

    ConfigurationLabels labels() {
        return labels;
    }

    RunGeometry geometry() {
        return geometry;
    }

    /** Every run of the report, finished or not, by index. */
    List<RunRecord> all() {
        return all;
    }

    /** The runs that finished, by index: the ones with final metrics. */
    List<RunRecord> finished() {
        return finished;
    }

    List<String> sweptKeys() {
        return spec.sweep().sweptKeys();
    }

    /** By run name, the label of its configuration. */
    Map<String, String> configurationByRun() {
        return configurationByRun;
    }

    /** {@code AR length 4 (block 4)}: the label of a run's configuration (its swept values, without its seed). */
    String configuration(RunRecord run) {
        return configurationByRun.get(run.run());
    }

    /** {@code AR length 4 (block 4), seed 0}: the label of a run's configuration and its seed. */
    String runLabel(RunRecord run) {
        String label = plannedLabel(run);
        return (label.isBlank() ? "" : label + ", ") + "seed " + run.seed();
    }

    RunFolder folder(RunRecord run) {
        return RunFolder.of(runsRoot, spec.name(), run.run());
    }

    /** {@code name} in the report's folder. */
    Path output(String name) {
        return outputDir.resolve(name);
    }

    /**
     * The run's evaluations of {@code metric} while training that compare with the other runs', in step order. The
     * final evaluation uses {@code evaluate.samples}; when the ones while training use fewer, sample-size biased metrics
     * such as FID are not comparable across the two, so only the evaluations while training count.
     */
    List<EvaluationProgress.Point> comparableProgress(RunRecord run, String metric) {
        boolean finalEvaluationComparable = spec.track().whileTraining(spec.evaluate()).samples()
                == spec.evaluate().samples();
        return progressByRun.computeIfAbsent(run.run(), name -> EvaluationProgress.read(folder(run))).stream()
                .filter(point -> point.metric().equals(metric) && Double.isFinite(point.value()))
                .filter(point -> point.step() < run.steps() || finalEvaluationComparable)
                .toList();
    }

    /**
     * The labels of the finished runs' configurations in the order the definition lists them: by the position of
     * their runs among the plans of a seed (seeds are outermost), whichever seeds finished.
     */
    List<String> definitionOrder() {
        int perSeed = spec.sweep().configurations();
        Map<String, Integer> position = new LinkedHashMap<>();
        finished.forEach(run -> position.merge(configuration(run), run.index() % perSeed, Math::min));
        return position.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    private String configurationLabel(RunRecord run) {
        String label = plannedLabel(run);
        return label.isBlank() ? "(single configuration)" : label;
    }

    /** The label planning froze in the run's folder; today's label of its assignments when the folder kept none. */
    private String plannedLabel(RunRecord run) {
        return plannedLabelByRun.computeIfAbsent(run.run(), name -> folder(run).storedPlan().flatMap(StoredPlan::label)
                .orElseGet(() -> labels.of(run.assignments())));
    }
}
