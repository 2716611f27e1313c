package org.acdit4j.framework.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checkpoint a run folder resumes from: its newest usable one. A checkpoint is unusable when it is truncated,
 * corrupt, not a run checkpoint, or of another training than the folder's {@code config.yaml} (another data, model or
 * train setting, or seed); a newer unusable one is passed over for the previous one, with its fault kept for the log.
 *
 * @param checkpoint the file to restore
 * @param step       the training step it holds
 * @param passedOver the newer checkpoints that were unusable, newest first, each with its one-line fault
 */
public record ResumePoint(Path checkpoint, long step, Map<Path, String> passedOver) {

    private static final List<String> TRAINING_KEYS = List.of("data.", "model.", "train.", "run.seed");

    public ResumePoint {
        passedOver = Collections.unmodifiableMap(new LinkedHashMap<>(passedOver));
    }

    /**
     * The newest usable checkpoint of {@code folder}; empty when it has none at all (the run starts at step 0).
     *
     * @throws UnusableCheckpointException when checkpoints exist but none is usable, naming each and its fault
     */
    public static Optional<ResumePoint> of(RunFolder folder) throws IOException {
        Optional<Map<String, String>> stored = folder.storedConfiguration();
        Map<Path, String> unusable = new LinkedHashMap<>();
        for (Path candidate : folder.checkpointsNewestFirst()) {
            if (!Files.exists(candidate)) {
                continue;
            }
            try {
                CheckpointContents contents = RunCheckpoint.read(candidate);
                Optional<String> mismatch = stored.flatMap(configuration -> mismatch(candidate, contents, configuration));
                if (mismatch.isEmpty()) {
                    return Optional.of(new ResumePoint(candidate, contents.step(), unusable));
                }
                unusable.put(candidate, mismatch.get());
            } catch (UnusableCheckpointException e) {
                unusable.put(candidate, e.getMessage());
            }
        }
        if (unusable.isEmpty()) {
            return Optional.empty();
        }
        throw new UnusableCheckpointException(String.join("; ", unusable.values()) + "; no usable checkpoint to resume "
                + "from (delete " + (unusable.size() == 1 ? "it" : "them") + " to train the run again from step 0)");
    }

    /** One line for the log when a newer checkpoint was passed over, e.g. "… is truncated (…); resuming from …". */
    public Optional<String> fallback() {
        if (passedOver.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", passedOver.values()) + "; resuming from " + checkpoint + " at step " + step
                + " instead (the unusable file is kept with the suffix .unusable)");
    }

    /**
     * Renames every passed-over checkpoint to {@code <name>.unusable}, so the next checkpoint's rotation keeps the
     * good one as the previous checkpoint.
     */
    public void setAsideUnusable() throws IOException {
        for (Path file : passedOver.keySet()) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".unusable"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Why {@code contents} do not belong to the run of {@code configuration}; empty when they do. */
    private static Optional<String> mismatch(Path file, CheckpointContents contents, Map<String, String> configuration) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(configuration.keySet());
        keys.addAll(contents.configuration().keySet());
        for (String key : keys) {
            String inCheckpoint = contents.configuration().get(key);
            String inFolder = configuration.get(key);
            if (TRAINING_KEYS.stream().anyMatch(key::startsWith) && !Objects.equals(inCheckpoint, inFolder)) {
                differences.add(key + ": '" + inCheckpoint + "' in the checkpoint, '" + inFolder + "' in config.yaml");
            }
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(file + " belongs to another training ("
                + String.join("; ", differences) + ")");
    }
}
