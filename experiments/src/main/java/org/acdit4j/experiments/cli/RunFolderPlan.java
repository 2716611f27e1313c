package org.acdit4j.experiments.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.SweepPlanner;

/** Recovers the plan of an existing run folder from its {@code run.json} and {@code overrides.txt}. */
record RunFolderPlan(ExperimentDefinition definition, RunRecord record, RunPlan plan, List<String> overrides) {

    static RunFolderPlan of(Path runDir, ExperimentCatalog catalog) {
        RunFolder folder = new RunFolder(runDir.toAbsolutePath());
        RunRecord record = folder.record().orElseThrow(() -> new UsageException(runDir
                + " is not a run folder (no run.json); run folders are runs/<experiment>/<run-name>/"));
        ExperimentDefinition definition = catalog.get(record.experiment());
        List<String> overrides;
        try {
            Path file = folder.root().resolve("overrides.txt");
            overrides = Files.isRegularFile(file)
                    ? Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read overrides of " + runDir, e);
        }
        String preset = record.preset() == null || record.preset().isBlank() ? null : record.preset();
        List<RunPlan> plans = SweepPlanner.plan(definition, preset, overrides);
        RunPlan plan = plans.stream().filter(candidate -> candidate.name().equals(record.run())).findFirst()
                .orElseThrow(() -> new UsageException("run " + record.run() + " is no longer a plan of " + record.experiment()
                        + " with these overrides; was the experiment definition changed?"));
        return new RunFolderPlan(definition, record, plan, overrides);
    }

    String preset() {
        return record.preset() == null || record.preset().isBlank() ? null : record.preset();
    }
}
