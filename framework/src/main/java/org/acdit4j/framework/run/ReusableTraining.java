package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.tracking.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finished trainings that another run can start from. Two runs train identically when their data, model and
 * train sections and their seed are equal (training is deterministic for those, see the model's checkpoint
 * tests); what they evaluate, track or report may differ. Ablations share arms this way: the clean-context and
 * multi-axis-RoPE arms, and the understanding experiment's models, are runs of the block-size trade-off.
 */
final class ReusableTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ReusableTraining.class);
    private static final List<String> TRAINING_SECTIONS = List.of("data.", "model.", "train.");
    /** Training keys that change how a step is computed, not what it computes (beyond rounding). */
    private static final Set<String> EXECUTION_KEYS = Set.of("train.microBatches");

    private ReusableTraining() {
    }

    /**
     * The identity of a training: the data, model and train entries of {@code resolvedValues} but the
     * {@link #EXECUTION_KEYS}, and the seed.
     */
    static Map<String, String> identity(Map<String, String> resolvedValues, long seed) {
        Map<String, String> identity = new TreeMap<>();
        resolvedValues.forEach((key, value) -> {
            if (TRAINING_SECTIONS.stream().anyMatch(key::startsWith) && !EXECUTION_KEYS.contains(key)) {
                identity.put(key, value);
            }
        });
        identity.put("seed", String.valueOf(seed));
        return identity;
    }

    /**
     * The first (in path order) FINISHED run folder under {@code runsRoot} other than {@code self} whose training has
     * {@code identity} and whose final checkpoint reads back whole.
     */
    static Optional<RunFolder> find(Path runsRoot, Map<String, String> identity, RunFolder self) {
        if (!Files.isDirectory(runsRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> records = Files.find(runsRoot, 3, (path, attributes) -> path.endsWith("run.json"))) {
            return records.map(Path::getParent).sorted().map(RunFolder::new)
                    .filter(candidate -> !candidate.root().toAbsolutePath().normalize()
                            .equals(self.root().toAbsolutePath().normalize()))
                    .filter(candidate -> Files.isRegularFile(candidate.latestCheckpoint()))
                    .filter(candidate -> trained(candidate, identity))
                    .filter(ReusableTraining::finalCheckpointIsUsable)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + runsRoot + " for finished trainings", e);
        }
    }

    /** Whether the candidate's final checkpoint reads back whole; one warning line naming the fault when not. */
    private static boolean finalCheckpointIsUsable(RunFolder candidate) {
        try {
            RunCheckpoint.read(candidate.latestCheckpoint());
            return true;
        } catch (UnusableCheckpointException e) {
            LOG.warn("{}; not starting from that finished training", e.getMessage());
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + candidate.latestCheckpoint(), e);
        }
    }

    private static boolean trained(RunFolder candidate, Map<String, String> identity) {
        Path config = candidate.root().resolve("config.yaml");
        try {
            Optional<RunRecord> record = candidate.record();
            if (record.isEmpty() || record.get().status() != RunStatus.FINISHED || !Files.isRegularFile(config)) {
                return false;
            }
            return identity(ConfigYaml.parse(Files.readString(config)), record.get().seed()).equals(identity);
        } catch (IOException | RuntimeException e) {
            return false;                                    // an unreadable folder is simply not a candidate
        }
    }

    /**
     * Copies the donor's final checkpoint (under the target's {@code configuration}), loss curve and the evaluations
     * it made while training (not its final one) into {@code target}, which has not trained yet.
     */
    static void adopt(RunFolder donor, RunFolder target, long finalStep, Map<String, String> configuration)
            throws IOException {
        Files.createDirectories(target.checkpoints());
        Path checkpoint = target.checkpoints().resolve("adopted.tmp");
        RunCheckpoint.copy(donor.latestCheckpoint(), configuration, checkpoint);
        if (Files.isRegularFile(LossCurve.file(donor))) {
            Files.copy(LossCurve.file(donor), LossCurve.file(target), StandardCopyOption.REPLACE_EXISTING);
        }
        StringBuilder progress = new StringBuilder();
        for (EvaluationProgress.Point p : EvaluationProgress.read(donor)) {
            if (p.step() < finalStep) {
                progress.append(EvaluationProgress.line(p));
            }
        }
        if (!progress.isEmpty()) {
            AtomicFiles.writeString(EvaluationProgress.file(target), progress.toString());
        }
        Files.move(checkpoint, target.latestCheckpoint(), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
