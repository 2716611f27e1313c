package org.acdit4j.experiments.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunArchive;
import org.acdit4j.framework.run.RunPlan;

/**
 * The run archive of a selection, beside the report the selection writes (so the {@code standard} preset's is
 * {@code results/<experiment>/runs/}, committed), and {@code --from-archive}: restoring it into the run folders
 * before a sweep or a report.
 */
final class ArchivedRuns {

    private ArchivedRuns() {
    }

    static RunArchive of(GlobalOptions options, ExperimentDefinition definition, String preset, List<String> overrides) {
        return RunArchive.beside(ReportWriter.outputFolder(options.resultsDir().resolve(definition.name()), preset, overrides));
    }

    /**
     * Before a sweep: restores the archived runs of {@code plans} that this machine has no folder for (they count as
     * finished), and says how many. A run archived from another configuration than its plan is refused.
     */
    static void restore(GlobalOptions options, ExperimentDefinition definition, ExperimentSelection selection,
                        List<RunPlan> plans, PrintStream out) {
        RunArchive archive = of(options, definition, selection.preset, selection.overrides);
        announce(definition, archive, () -> archive.restore(plans, options.runsDir()), out);
    }

    /**
     * Before a report: restores every archived run this machine has no folder for, whatever today's plans are, since
     * the report reads each run as its folder froze it and names what today's definition would change.
     */
    static void restoreAll(GlobalOptions options, ExperimentDefinition definition, ExperimentSelection selection,
                           PrintStream out) {
        RunArchive archive = of(options, definition, selection.preset, selection.overrides);
        announce(definition, archive, () -> archive.restoreAll(definition.name(), options.runsDir()), out);
    }

    private static void announce(ExperimentDefinition definition, RunArchive archive, Supplier<List<String>> restore,
                                 PrintStream out) {
        try {
            List<String> restored = restore.get();
            out.printf("%s: %d archived run(s) restored from %s%s%n", definition.name(), restored.size(), archive.root(),
                    restored.isEmpty() ? "" : " (" + String.join(", ", restored) + "; they count as finished)");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
