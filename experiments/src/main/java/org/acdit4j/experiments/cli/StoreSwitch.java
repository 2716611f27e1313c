package org.acdit4j.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.tracking.TrackerSelection;

/**
 * A runs folder whose tracker runs live in another store than the one selected now (another {@code --tracking-uri},
 * or the default that moved from {@code ./mlruns} to {@code sqlite:///mlflow.db}), found before anything starts and
 * without creating anything. An unfinished run whose tracker run the store does not hold is refused, saying where
 * it was tracked and what to do. A sweep's parent run that the store does not hold is re-homed: {@code sweep.json}
 * is kept as {@value #PREVIOUS_SWEEP_FILE} and the sweep starts a new parent run in the selected store.
 */
final class StoreSwitch {

    static final String SWEEP_FILE = "sweep.json";
    static final String PREVIOUS_SWEEP_FILE = "sweep.json.previous-store";
    private static final String SWEEP_LOCK = ".sweep.lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path experimentRoot;
    private final String strandedParent;
    private final String previousStore;
    private final String currentStore;

    private StoreSwitch(Path experimentRoot, String strandedParent, String previousStore, String currentStore) {
        this.experimentRoot = experimentRoot;
        this.strandedParent = strandedParent;
        this.previousStore = previousStore;
        this.currentStore = currentStore;
    }

    /**
     * Checks the selected plans' unfinished run folders and the sweep's parent run against the selected store.
     *
     * @throws UsageException when an unfinished run was tracked in another store
     */
    static StoreSwitch check(TrackerSelection store, GlobalOptions options, String experiment, List<RunPlan> plans,
                             Set<Integer> only) {
        Path experimentRoot = options.runsDir().resolve(experiment);
        String currentStore = store.resolve(options.trackingUri()).display();
        SweepFile sweep = SweepFile.read(experimentRoot.resolve(SWEEP_FILE));
        Map<String, Path> unfinished = new LinkedHashMap<>();
        for (RunPlan plan : plans) {
            if (!only.isEmpty() && !only.contains(plan.index())) {
                continue;
            }
            RunFolder folder = RunFolder.of(options.runsDir(), experiment, plan.name());
            folder.record().filter(record -> record.status() != RunStatus.FINISHED && record.trackerRunId() != null)
                    .ifPresent(record -> unfinished.put(record.trackerRunId(), folder.recordFile()));
        }
        Set<String> stranded = store.runsNotHeld(options.trackingUri(), unfinished.keySet());
        if (!stranded.isEmpty()) {
            List<String> named = new ArrayList<>();
            stranded.forEach(runId -> named.add(unfinished.get(runId) + " names tracker run " + runId));
            throw new UsageException(String.join("; ", named) + ", which " + currentStore + " does not hold (these "
                    + "runs were tracked in " + sweep.tracking().orElse("another store") + "): continue them there "
                    + "with --tracking-uri naming that store, or run them afresh in this store with --runs-dir DIR "
                    + "(and --results-dir DIR)");
        }
        String parent = sweep.parentRunId()
                .filter(id -> !store.runsNotHeld(options.trackingUri(), List.of(id)).isEmpty()).orElse(null);
        return new StoreSwitch(experimentRoot, parent, sweep.tracking().orElse("another store"), currentStore);
    }

    /**
     * Checks that the selected store holds one run folder's tracker run and parent run before it is resumed.
     *
     * @throws UsageException naming the run, the store it was tracked in and what to do
     */
    static void requireHeld(TrackerSelection store, GlobalOptions options, Path runDir, RunRecord record) {
        List<String> ids = new ArrayList<>();
        Optional.ofNullable(record.trackerRunId()).ifPresent(ids::add);
        Optional.ofNullable(record.parentRunId()).ifPresent(ids::add);
        Set<String> stranded = store.runsNotHeld(options.trackingUri(), ids);
        if (!stranded.isEmpty()) {
            SweepFile sweep = SweepFile.read(runDir.toAbsolutePath().getParent().resolve(SWEEP_FILE));
            throw new UsageException(runDir.resolve("run.json") + " names tracker run(s) " + String.join(", ", stranded)
                    + ", which " + store.resolve(options.trackingUri()).display() + " does not hold (the sweep was "
                    + "tracked in " + sweep.tracking().orElse("another store") + "): resume it with --tracking-uri "
                    + "naming that store; nothing was started");
        }
    }

    /** Re-homes the sweep's parent run when the selected store does not hold it; a no-op otherwise. */
    void rehomeParent(PrintStream out) {
        if (strandedParent == null) {
            return;
        }
        Path sweepFile = experimentRoot.resolve(SWEEP_FILE);
        try (FileChannel lockFile = FileChannel.open(experimentRoot.resolve(SWEEP_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            if (SweepFile.read(sweepFile).parentRunId().filter(strandedParent::equals).isEmpty()) {
                return;
            }
            Files.move(sweepFile, experimentRoot.resolve(PREVIOUS_SWEEP_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + sweepFile + " aside: " + e.getMessage(), e);
        }
        out.println(sweepFile + ": its parent run " + strandedParent + " was tracked in " + previousStore
                + ", not in " + currentStore + "; the sweep starts a new parent run there (the old file is kept as "
                + PREVIOUS_SWEEP_FILE + ")");
    }

    /** What a sweep.json says: the parent run's id and the store it was written to, each when present. */
    private record SweepFile(Optional<String> parentRunId, Optional<String> tracking) {

        static SweepFile read(Path file) {
            if (!Files.isRegularFile(file)) {
                return new SweepFile(Optional.empty(), Optional.empty());
            }
            try {
                JsonNode node = JSON.readTree(file.toFile());
                return new SweepFile(text(node, "parentRunId"), text(node, "tracking"));
            } catch (IOException e) {
                throw new UsageException(file + " cannot be read (" + e.getMessage() + "); delete it to start the "
                        + "sweep's parent run afresh");
            }
        }

        private static Optional<String> text(JsonNode node, String field) {
            return Optional.of(node.path(field).asText()).filter(value -> !value.isEmpty());
        }
    }
}
