package org.acdit4j.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.run.FrozenRun;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.run.StoredPlan;
import org.acdit4j.framework.run.SweepPlanner;

/**
 * The plan of an existing run folder and what today's definition would change in it: the plan frozen in its
 * {@code run-spec.json}, or, in a folder older than frozen plans, the one today's definition makes of its
 * {@code run.json} and {@code overrides.txt}. {@code changed} names each key whose value today's definition resolves
 * differently (empty when none did).
 */
record RunFolderPlan(RunRecord record, RunPlan plan, List<String> changed) {

    static RunFolderPlan of(Path runDir, ExperimentCatalog catalog, Plugins plugins) {
        RunFolder folder = new RunFolder(runDir.toAbsolutePath());
        RunRecord record = folder.record().orElseThrow(() -> new UsageException(runDir
                + " is not a run folder (no run.json); run folders are runs/<experiment>/<run-name>/"));
        ExperimentDefinition definition = catalog.get(record.experiment());
        Optional<FrozenRun> frozen;
        try {
            frozen = folder.frozenRun();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (frozen.isPresent()) {
            RunPlan plan = frozenPlan(folder, frozen.get(), plugins);
            return new RunFolderPlan(record, plan, changesToday(folder, definition, StoredPlan.of(frozen.get())));
        }
        List<String> overrides = storedPlan(folder).map(StoredPlan::overrides).orElse(List.of());
        List<RunPlan> plans = SweepPlanner.plan(definition, presetOf(record.preset()), overrides);
        RunPlan plan = plans.stream().filter(candidate -> candidate.name().equals(record.run())).findFirst()
                .orElseThrow(() -> new UsageException("run " + record.run() + " is no longer a plan of " + record.experiment()
                        + " with these overrides, and its folder is older than frozen plans (no run-spec.json); "
                        + "was the experiment definition changed?"));
        return new RunFolderPlan(record, plan, folder.differencesFrom(plan.values()));
    }

    /**
     * The plan frozen in {@code folder}, its spec built on the registered model plugin it names; a usage error naming
     * the file when the plugin is not registered or rejects a frozen value.
     */
    static RunPlan frozenPlan(RunFolder folder, FrozenRun frozen, Plugins plugins) {
        ModelFactory factory = plugins.model(frozen.modelName(), folder.frozenRunFile().toString());
        try {
            return frozen.plan(factory.type());
        } catch (SpecException e) {
            throw new UsageException(folder.frozenRunFile() + ": " + e.getMessage());
        }
    }

    /**
     * The keys whose value today's definition resolves differently for the configuration of the run {@code folder}
     * holds as {@code stored}; a single entry when the definition no longer accepts it; empty when none changed.
     */
    static List<String> changesToday(RunFolder folder, ExperimentDefinition definition, StoredPlan stored) {
        try {
            Map<String, String> today = definition.sweep(presetOf(stored.preset()), stored.overrides())
                    .configuration(stored.assignments()).values();
            return folder.differencesFrom(today);
        } catch (SpecException e) {
            return List.of("the definition no longer accepts " + stored.assignments() + " (" + e.getMessage() + ")");
        }
    }

    /** {@code folder}'s {@link RunFolder#storedPlan()}, an unreadable file a usage error naming it. */
    static Optional<StoredPlan> storedPlan(RunFolder folder) {
        try {
            return folder.storedPlan();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String presetOf(String preset) {
        return preset == null || preset.isBlank() ? null : preset;
    }
}
