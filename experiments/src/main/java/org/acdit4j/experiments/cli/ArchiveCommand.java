package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunArchive;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.tracking.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code acdit archive <experiment>}: copies the selection's finished runs (without checkpoints or logs) beside its
 * report, so that a sweep split over machines or sessions can be finished elsewhere with {@code --from-archive}.
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Keep the finished runs of a sweep beside its report (results/<experiment>/runs/ for the standard "
                + "preset), without checkpoints or logs, so a later 'run --from-archive' on any machine counts them as done.")
public final class ArchiveCommand implements Callable<Integer> {

    private final ExperimentCatalog catalog;
    private final GlobalOptions options;

    @Mixin
    ExperimentSelection selection = new ExperimentSelection();

    @Inject
    ArchiveCommand(ExperimentCatalog catalog, GlobalOptions options) {
        this.catalog = catalog;
        this.options = options;
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        ExperimentDefinition definition = catalog.get(selection.experiment);
        RunArchive archive = ArchivedRuns.of(options, definition, selection.preset, selection.overrides);
        List<String> archived = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (RunPlan plan : SweepPlanner.plan(definition, selection.preset, selection.overrides)) {
            RunFolder folder = RunFolder.of(options.runsDir(), definition.name(), plan.name());
            Optional<String> conflict = folder.conflictWith(plan.values());
            boolean finished = folder.record().map(RunRecord::status).orElse(null) == RunStatus.FINISHED;
            if (finished && conflict.isEmpty()) {
                archive.add(folder);
                archived.add(plan.name());
            } else {
                left.add(plan.name() + (conflict.isPresent() ? " (another configuration here)" : " (not finished here)"));
            }
        }
        if (archived.isEmpty()) {
            out.println(definition.name() + ": no finished run to archive under " + options.runsDir().resolve(definition.name()));
            return AcditMain.EXIT_FAILURE;
        }
        out.printf("%s: %d run(s) archived in %s%n", definition.name(), archived.size(), archive.root());
        if (!left.isEmpty()) {
            out.println("not archived: " + String.join(", ", left));
        }
        return 0;
    }
}
