package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.report.ExperimentReport;
import org.acdit4j.framework.run.ConfigYaml;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.tracking.TrackedRun;

/** Writes an experiment's report from its run folders and attaches it to the sweep's parent run. */
public final class ReportWriter {

    private final GlobalOptions options;

    @Inject
    ReportWriter(GlobalOptions options) {
        this.options = options;
    }

    /**
     * @param parent the sweep's parent tracker run, or {@code null} to write the files only
     */
    public List<Path> write(ExperimentDefinition definition, String preset, List<String> overrides, String command,
                            double wallSeconds, TrackedRun parent) {
        ExperimentSpec spec = definition.spec(preset, overrides);
        List<RunRecord> runs = ExperimentReport.load(options.runsDir(), spec.name());
        Path output = options.resultsDir().resolve(spec.name());
        List<Path> files = ExperimentReport.write(spec, runs, options.runsDir(), output, new ExperimentReport.Context(
                command, ConfigYaml.render(definition.resolvedValues(preset, overrides)), wallSeconds));
        if (parent != null) {
            for (Path file : files) {
                Path folder = output.relativize(file).getParent();
                parent.logArtifact(file, folder == null ? "report" : "report/" + folder.toString().replace('\\', '/'));
            }
        }
        System.out.println("report: " + output.resolve("REPORT.md") + " (" + files.size() + " files)");
        return files;
    }
}
