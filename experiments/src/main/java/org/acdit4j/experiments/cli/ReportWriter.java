package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.acdit4j.framework.data.DatasetException;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.report.ExperimentReport;
import org.acdit4j.framework.run.ConfigYaml;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunExecutor;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.StoredPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.tracking.TrackedRun;

/**
 * Writes an experiment's report from its run folders (listing the planned runs that have none) and attaches it to the sweep's parent run. Only the
 * definition's own configuration (no preset, or {@code standard}, and no overrides) writes
 * {@code results/<experiment>/}, the folder results/ commits; any other selection writes a subfolder named after
 * it ({@code quick/}, {@code smoke/}, or {@code custom/} when there are overrides), which .gitignore leaves out, so
 * trying a preset never changes the committed report.
 */
public final class ReportWriter {

    /** The preset whose report results/ commits: the definitions' bodies. */
    static final String COMMITTED_PRESET = "standard";
    /** The subfolder of a report of command-line overrides. */
    static final String CUSTOM = "custom";

    private final GlobalOptions options;
    private final Plugins plugins;
    private final ExperimentReport report;

    @Inject
    ReportWriter(GlobalOptions options, Plugins plugins, ExperimentReport report) {
        this.options = options;
        this.plugins = plugins;
        this.report = report;
    }

    /**
     * @param parent the sweep's parent tracker run, or {@code null} to write the files only
     */
    public List<Path> write(ExperimentDefinition definition, String preset, List<String> overrides, String command,
                            double wallSeconds, TrackedRun parent) {
        ExperimentSpec spec = definition.spec(preset, overrides);
        List<RunRecord> runs = withPlannedRunsMissing(ExperimentReport.load(options.runsDir(), spec.name()),
                SweepPlanner.plan(definition, preset, overrides));
        Path output = outputFolder(options.resultsDir().resolve(spec.name()), preset, overrides);
        ExperimentReport.Context context = new ExperimentReport.Context(command,
                ConfigYaml.render(definition.resolvedValues(preset, overrides)), wallSeconds);
        ConfigurationLabels labels = definition.labels(preset, overrides);
        printChangesToday(definition, labels, runs);
        List<Path> files = report.write(spec, labels, run -> geometry(spec.name(), run), runs,
                options.runsDir(), output, context);
        if (parent != null) {
            for (Path file : files) {
                Path folder = output.relativize(file).getParent();
                parent.logArtifact(file, folder == null ? "report" : "report/" + folder.toString().replace('\\', '/'));
            }
        }
        System.out.println("report: " + output.resolve("REPORT.md") + " (" + files.size() + " files)");
        return files;
    }

    /**
     * {@code runs} plus, as PLANNED with the reason, every planned run that has no run folder (its task never started
     * or died before creating it), so that a partial sweep never reports as complete.
     */
    private List<RunRecord> withPlannedRunsMissing(List<RunRecord> runs, List<RunPlan> plans) {
        Set<String> present = runs.stream().map(RunRecord::run).collect(Collectors.toSet());
        List<RunRecord> all = new ArrayList<>(runs);
        List<String> missing = new ArrayList<>();
        String now = Instant.now().toString();
        for (RunPlan plan : plans) {
            if (!present.contains(plan.name())) {
                all.add(RunExecutor.planned(plan, now).withFailure("never started: no run folder in "
                        + options.runsDir().resolve(plan.spec().name())));
                missing.add("[" + plan.index() + "] " + plan.name());
            }
        }
        if (!missing.isEmpty()) {
            System.out.println("report: " + missing.size() + " of " + plans.size() + " planned run(s) never started: "
                    + String.join(", ", missing));
        }
        all.sort(Comparator.comparingInt(RunRecord::index));
        return all;
    }

    /**
     * Names, for each run reported as its folder holds it, what today's definition would change: the keys it resolves
     * differently, and the label when the folder kept another one.
     */
    private void printChangesToday(ExperimentDefinition definition, ConfigurationLabels labels, List<RunRecord> runs) {
        for (RunRecord run : runs) {
            RunFolder folder = RunFolder.of(options.runsDir(), definition.name(), run.run());
            RunFolderPlan.storedPlan(folder).ifPresent(stored -> {
                List<String> changes = new ArrayList<>(RunFolderPlan.changesToday(folder, definition, stored));
                String today = labels.of(stored.assignments());
                stored.label().filter(label -> !label.equals(today)).ifPresent(label ->
                        changes.add("label: '" + label + "' in the run folder, '" + today + "' now"));
                if (!changes.isEmpty()) {
                    System.out.println("report: " + run.run() + " is reported as its run folder holds it; today's "
                            + "definition changes " + String.join("; ", changes));
                }
            });
        }
    }

    /**
     * The shape of {@code run}'s examples, from its data plugin and the data section its run folder holds (its frozen
     * plan, or in a folder older than frozen plans the configuration it started with), without the definition; empty
     * when the folder holds neither, its model or dataset is not registered, or the dataset cannot tell (a folder of
     * images that is gone).
     */
    private Optional<Geometry> geometry(String experiment, RunRecord run) {
        RunFolder folder = RunFolder.of(options.runsDir(), experiment, run.run());
        try {
            Optional<Map<String, String>> values = folder.storedPlan().map(StoredPlan::values);
            Optional<ModelFactory> model = values.map(stored -> plugins.models().get(stored.get(ExperimentBuilder.MODEL_NAME)));
            if (model.isEmpty()) {
                return Optional.empty();
            }
            DataSpec data = Experiment.fromConfiguration(model.get().type(), values.get()).data();
            return Optional.ofNullable(plugins.datasets().get(data.name())).map(factory -> factory.geometry(data));
        } catch (IllegalArgumentException | SpecException | DatasetException e) {
            return Optional.empty();
        }
    }

    /** {@code experimentResults} for the definition's own configuration, else its subfolder for this selection. */
    static Path outputFolder(Path experimentResults, String preset, List<String> overrides) {
        if (!overrides.isEmpty()) {
            return experimentResults.resolve(CUSTOM);
        }
        if (preset == null || preset.isBlank() || preset.equals(COMMITTED_PRESET)) {
            return experimentResults;
        }
        return experimentResults.resolve(preset);
    }
}
