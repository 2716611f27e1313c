package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunArchive;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.StoredPlan;
import org.acdit4j.framework.run.SweepPlanner;
import org.acdit4j.framework.tracking.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code acdit archive <experiment>}: copies the selection's finished runs (without checkpoints or logs) beside its
 * report, so that a sweep split over machines or sessions can be finished elsewhere with {@code --from-archive}. The
 * run folders say which runs belong to the selection (the preset and overrides their stored plan holds,
 * {@link RunFolder#storedPlan()}); today's definition only names what it would change: a run it resolves differently,
 * or no longer plans, is not archived (a restore would refuse it), and its planned runs without a folder are listed.
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Keep the finished runs of a sweep beside its report (results/<experiment>/runs/ for the standard "
                + "preset), without checkpoints or logs, so a later 'run --from-archive' on any machine counts them as done.")
public final class ArchiveCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    ExperimentSelection selection = new ExperimentSelection();

    @Inject
    ArchiveCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        GlobalOptions options = context.options();
        PrintStream out = System.out;
        ExperimentDefinition definition = context.catalog().get(selection.experiment);
        RunArchive archive = ArchivedRuns.of(options, definition, selection.preset, selection.overrides);
        Set<String> unseen = new TreeSet<>(SweepPlanner.plan(definition, selection.preset, selection.overrides)
                .stream().map(RunPlan::name).toList());
        List<String> archived = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (RunFolder folder : RunFolder.under(options.runsDir(), definition.name())) {
            Optional<StoredPlan> stored = RunFolderPlan.storedPlan(folder).filter(this::ofTheSelection);
            if (stored.isEmpty()) {
                continue;
            }
            String name = stored.get().name();
            boolean plannedToday = unseen.remove(name);
            Optional<String> refusal = refusal(folder, stored.get(), plannedToday, definition);
            if (refusal.isEmpty()) {
                archive.add(folder);
                archived.add(name);
            } else {
                left.add(name + " (" + refusal.get() + ")");
            }
        }
        unseen.forEach(name -> left.add(name + " (not finished here)"));
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

    /**
     * Whether the run was planned for this selection: the same overrides, and a preset whose report is this one's (no
     * preset and {@code standard} write the same one).
     */
    private boolean ofTheSelection(StoredPlan stored) {
        Path results = context.options().resultsDir().resolve(selection.experiment);
        return stored.overrides().equals(selection.overrides)
                && ReportWriter.outputFolder(results, stored.preset(), stored.overrides())
                .equals(ReportWriter.outputFolder(results, selection.preset, selection.overrides));
    }

    /**
     * Why {@code folder}'s run stays out of the archive: it has not finished, today's definition no longer plans it,
     * or changes its configuration (naming the keys); empty when it goes in.
     */
    private static Optional<String> refusal(RunFolder folder, StoredPlan stored, boolean plannedToday,
                                            ExperimentDefinition definition) {
        if (folder.record().map(RunRecord::status).orElse(null) != RunStatus.FINISHED) {
            return Optional.of("not finished here");
        }
        if (!plannedToday) {
            return Optional.of("today's definition no longer plans it");
        }
        List<String> changes = RunFolderPlan.changesToday(folder, definition, stored);
        return changes.isEmpty() ? Optional.empty() : Optional.of("today's definition changes " + String.join("; ", changes));
    }
}
