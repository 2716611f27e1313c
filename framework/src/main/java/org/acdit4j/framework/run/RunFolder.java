package org.acdit4j.framework.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.framework.io.AtomicFiles;

/**
 * A run's folder {@code <runs>/<experiment>/<run-name>/}: {@code config.yaml} (resolved spec),
 * {@code overrides.txt}, {@code run.json} ({@link RunRecord}), {@code train.log}, {@code checkpoints/},
 * {@code samples/}. Every file but the log is written atomically.
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

    public Path root() {
        return root;
    }

    public Path recordFile() {
        return root.resolve("run.json");
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

    public Path latestCheckpoint() {
        return checkpoints().resolve("latest.ckpt");
    }

    public Optional<RunRecord> record() {
        if (!Files.isRegularFile(recordFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(recordFile().toFile(), RunRecord.class));
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

    /** Writes the resolved configuration as YAML and the overrides that produced it, one per line. */
    public void writeConfig(Map<String, String> resolvedValues, List<String> overrides) {
        AtomicFiles.writeString(root.resolve("config.yaml"), ConfigYaml.render(resolvedValues));
        AtomicFiles.writeString(root.resolve("overrides.txt"), String.join("\n", overrides) + (overrides.isEmpty() ? "" : "\n"));
    }

    /**
     * Why this folder cannot hold a run of {@code resolvedValues}: the first data, model, train, sample or
     * evaluate key whose recorded value differs (e.g. a quick-preset run in the way of a standard one), or empty
     * when the folder is new or holds the same configuration.
     */
    public Optional<String> conflictWith(Map<String, String> resolvedValues) {
        Path config = root.resolve("config.yaml");
        if (!Files.isRegularFile(config) || record().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> recorded;
        try {
            recorded = ConfigYaml.parse(Files.readString(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
        for (String key : new java.util.TreeSet<>(resolvedValues.keySet())) {
            if (RUN_SECTIONS.stream().anyMatch(key::startsWith) && recorded.containsKey(key)
                    && !recorded.get(key).equals(resolvedValues.get(key))) {
                return Optional.of(root + " holds a run with " + key + "=" + recorded.get(key) + ", this sweep has "
                        + key + "=" + resolvedValues.get(key));
            }
        }
        return Optional.empty();
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
