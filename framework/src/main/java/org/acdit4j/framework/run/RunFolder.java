package org.acdit4j.framework.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.acdit4j.framework.dsl.RetiredKeys;
import org.acdit4j.framework.io.AtomicFiles;

/**
 * A run's folder {@code <runs>/<experiment>/<run-name>/}: {@code run-spec.json} (the plan, frozen by planning:
 * {@link FrozenRun}), {@code config.yaml} (resolved spec, as the run started with it), {@code overrides.txt},
 * {@code run.json} ({@link RunRecord}), {@code train.log}, {@code loss.csv},
 * {@code checkpoints/} ({@code latest.ckpt} and {@code previous.ckpt}), {@code samples/}. Every file but the log and
 * the curves appended a line at a time ({@link LossCurve}, {@link EvaluationProgress}) is written atomically.
 */
public final class RunFolder {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The sections whose values make a run's results; tracking and report settings may change between reruns. */
    private static final List<String> RUN_SECTIONS = List.of("data.", "model.", "train.", "sample.", "evaluate.");

    private final Path root;

    public RunFolder(Path root) {
        this.root = root;
    }

    public static RunFolder of(Path runsRoot, String experiment, String runName) {
        return new RunFolder(runsRoot.resolve(experiment).resolve(runName));
    }

    /** The run folders of {@code experiment} under {@code runsRoot}, by name; none when it has no folder there. */
    public static List<RunFolder> under(Path runsRoot, String experiment) {
        Path folder = runsRoot.resolve(experiment);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(folder)) {
            return runs.filter(Files::isDirectory).sorted().map(RunFolder::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path recordFile() {
        return root.resolve("run.json");
    }

    /** The run's plan as planning froze it ({@link #freeze}); run folders older than it have none. */
    public Path frozenRunFile() {
        return root.resolve("run-spec.json");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path log() {
        return root.resolve("train.log");
    }

    /** The newest checkpoint; {@link RunCheckpoint#save} keeps the one before as {@link #previousCheckpoint()}. */
    public Path latestCheckpoint() {
        return checkpoints().resolve("latest.ckpt");
    }

    /** The checkpoint before the latest one, which a resume falls back to when the latest is unusable. */
    public Path previousCheckpoint() {
        return checkpoints().resolve("previous.ckpt");
    }

    /** Where the checkpoints of this folder are, newest first (they need not exist). */
    public List<Path> checkpointsNewestFirst() {
        return List.of(latestCheckpoint(), previousCheckpoint());
    }

    public Optional<RunRecord> record() {
        try {
            return readIfPresent(recordFile(), RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recordFile() + ": " + e.getMessage(), e);
        }
    }

    public void write(RunRecord record) {
        try {
            AtomicFiles.write(recordFile(), JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + recordFile(), e);
        }
    }

    /** The plan frozen in this folder, if it has one. */
    public Optional<FrozenRun> frozenRun() {
        try {
            return readIfPresent(frozenRunFile(), FrozenRun.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + frozenRunFile() + ": " + e.getMessage().lines()
                    .findFirst().orElse("unreadable JSON") + "; allowed: the run-spec.json planning wrote", e);
        }
    }

    /**
     * The run's plan as this folder holds it: its frozen plan ({@link #frozenRun()}), or in a folder older than frozen
     * plans (archives committed before them) the one read back from {@code run.json} (name, index, seed, preset,
     * assignments), {@code overrides.txt} and {@code config.yaml}, which has no label; empty when the folder holds
     * neither. The one place that reads the older folders' plans.
     *
     * @throws IllegalArgumentException naming the file when a stored file is unreadable
     */
    public Optional<StoredPlan> storedPlan() {
        Optional<FrozenRun> frozen = frozenRun();
        if (frozen.isPresent()) {
            return frozen.map(StoredPlan::of);
        }
        Optional<RunRecord> record = record();
        Optional<Map<String, String>> values = storedConfiguration();
        if (record.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        RunRecord run = record.get();
        return Optional.of(new StoredPlan(run.run(), run.index(), run.seed(), run.preset() == null ? "" : run.preset(),
                storedOverrides(), run.assignments(), values.get(), Optional.empty()));
    }

    /**
     * Writes {@code plan} frozen into {@code run-spec.json}, atomically and once: a folder that holds a frozen plan
     * of the same configuration keeps it (its label and tracking settings included), and one of another configuration
     * is refused naming the keys that differ ({@link #conflictWith}).
     *
     * @return the plan the folder holds now
     * @throws IllegalArgumentException when the folder holds a run of another configuration
     */
    public FrozenRun freeze(RunPlan plan) {
        conflictWith(plan.values()).ifPresent(conflict -> {
            throw new IllegalArgumentException(conflict);
        });
        Optional<FrozenRun> frozen = frozenRun();
        if (frozen.isPresent()) {
            return frozen.get();
        }
        FrozenRun run = FrozenRun.of(plan);
        try {
            AtomicFiles.write(frozenRunFile(), JSON.writeValueAsBytes(run));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + frozenRunFile(), e);
        }
        return run;
    }

    /**
     * The run's configuration: the one already stored in {@code config.yaml}, or else {@code configuration}, written
     * there (with the command-line overrides in {@code overrides.txt}, one per line). Written once: a resumed run
     * keeps the configuration it started with.
     */
    public Map<String, String> writeConfigOnce(Map<String, String> configuration, List<String> overrides) {
        Optional<Map<String, String>> stored = storedConfiguration();
        if (stored.isPresent()) {
            return stored.get();
        }
        AtomicFiles.writeString(overridesFile(), String.join("\n", overrides) + (overrides.isEmpty() ? "" : "\n"));
        AtomicFiles.writeString(configFile(), ConfigYaml.render(configuration));
        return configuration;
    }

    /** The configuration the run was started with, if it has started. */
    public Optional<Map<String, String>> storedConfiguration() {
        if (!Files.isRegularFile(configFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigYaml.parse(Files.readString(configFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configFile(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every data, model, train, sample or evaluate key of {@code resolvedValues} whose value in this folder's frozen
     * plan, or in the configuration its run started with, differs; empty when the folder holds no run yet or the same
     * configuration. A folder older than frozen plans has only the started configuration. Tracking and report settings
     * may change between reruns; a retired key stored there is compared as its successor ({@link RetiredKeys}).
     */
    public List<String> differencesFrom(Map<String, String> resolvedValues) {
        List<Map<String, String>> stored = new ArrayList<>();
        frozenRun().map(FrozenRun::values).ifPresent(stored::add);
        if (record().isPresent()) {
            storedConfiguration().ifPresent(stored::add);
        }
        stored.replaceAll(values -> RetiredKeys.readAs(values, resolvedValues.keySet()));
        Map<String, String> differences = new LinkedHashMap<>();
        for (String key : new TreeSet<>(resolvedValues.keySet())) {
            for (Map<String, String> values : stored) {
                String recorded = values.get(key);
                if (RUN_SECTIONS.stream().anyMatch(key::startsWith) && recorded != null
                        && !recorded.equals(resolvedValues.get(key))) {
                    differences.putIfAbsent(key, key + ": '" + recorded + "' in the run folder, '"
                            + resolvedValues.get(key) + "' now");
                }
            }
        }
        return List.copyOf(differences.values());
    }

    /**
     * Why this folder cannot hold a run of {@code resolvedValues}: the keys whose stored value differs (e.g. a
     * quick-preset run in the way of a standard one), or empty when the folder is new or holds the same configuration.
     */
    public Optional<String> conflictWith(Map<String, String> resolvedValues) {
        List<String> differences = differencesFrom(resolvedValues);
        return differences.isEmpty() ? Optional.empty()
                : Optional.of(root + " holds a run of another configuration (" + String.join("; ", differences) + ")");
    }

    /** The command-line overrides the run started with, one per line of {@code overrides.txt}. */
    private List<String> storedOverrides() {
        try {
            return Files.isRegularFile(overridesFile())
                    ? Files.readAllLines(overridesFile()).stream().filter(line -> !line.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + overridesFile(), e);
        }
    }

    /** The JSON {@code file} read as a {@code type}; empty when there is no such file. */
    private static <T> Optional<T> readIfPresent(Path file, Class<T> type) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), type)) : Optional.empty();
    }

    private Path overridesFile() {
        return root.resolve("overrides.txt");
    }

    private Path configFile() {
        return root.resolve("config.yaml");
    }

    public void createDirectories() {
        try {
            Files.createDirectories(checkpoints());
            Files.createDirectories(samples());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }
}
