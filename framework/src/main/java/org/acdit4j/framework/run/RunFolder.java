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

    public void createDirectories() {
        try {
            Files.createDirectories(checkpoints());
            Files.createDirectories(samples());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }
}
