package org.acdit4j.tracking.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.LossCurve;
import org.acdit4j.framework.run.RunCheckpoint;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.support.ChildJvm;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A training child JVM killed with SIGKILL between two checkpoints (after logging step 100, the last checkpoint at
 * step 80), then resumed: {@code loss.csv},
 * {@code evaluation-progress.csv} and the store's metric histories hold every step once, as after a straight run.
 */
class KillAndResumeTest {

    private static final long KILL_AFTER_STEP = 100;
    private static final long LAST_CHECKPOINT = 80;

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"mlruns", "sqlite"})
    void aRunKilledBetweenCheckpointsHoldsEachStepOnceAfterItsResume(String kind) throws Exception {
        Path store = temp.resolve(kind.equals("sqlite") ? "mlflow.db" : "mlruns");
        Path runs = temp.resolve("runs");
        RunFolder folder = KilledTraining.folder(runs);
        Process child = ChildJvm.start(KilledTraining.class, temp.resolve("child.log"), kind, store.toString(),
                runs.toString(), Long.toString(KILL_AFTER_STEP));
        try {
            waitFor(() -> lastLossStep(folder) >= KILL_AFTER_STEP, child);
            waitFor(() -> lastStoredLossStep(kind, store, folder) > LAST_CHECKPOINT, child);
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(folder.record().map(RunRecord::status)).contains(RunStatus.RUNNING);
        assertThat(RunCheckpoint.read(folder.latestCheckpoint()).step()).isEqualTo(LAST_CHECKPOINT);
        assertThat(lastLossStep(folder)).isGreaterThan(LAST_CHECKPOINT);
        assertThat(lastStoredLossStep(kind, store, folder)).isGreaterThan(LAST_CHECKPOINT);

        try (Tracker tracker = KilledTraining.store(kind, store)) {
            KilledTraining.run(tracker, runs, Long.MAX_VALUE);
        }

        assertThat(folder.record().map(RunRecord::status)).contains(RunStatus.FINISHED);
        List<Long> everyFifthStep = LongStream.rangeClosed(1, KilledTraining.STEPS / 5).map(k -> 5 * k).boxed().toList();
        assertThat(Files.readAllLines(LossCurve.file(folder))).extracting(line -> Long.parseLong(line.split(",")[0]))
                .isEqualTo(everyFifthStep);
        assertThat(Files.readAllLines(EvaluationProgress.file(folder))).extracting(line -> line.split(",")[0])
                .containsExactly("30", "60", "90", "120", "150", "180", "200");
        Map<String, List<Long>> histories = histories(kind, store, folder.record().orElseThrow().trackerRunId());
        assertThat(histories.get("train.loss")).isEqualTo(everyFifthStep);
        assertThat(histories.get("train.lr")).isEqualTo(everyFifthStep);
        assertThat(histories.get("sample.meanStep")).containsExactly(30L, 60L, 90L, 120L, 150L, 180L, 200L);
        histories.forEach((key, steps) -> assertThat(steps).as(key).doesNotHaveDuplicates());
    }

    private static long lastLossStep(RunFolder folder) {
        List<LossCurve.Point> curve = LossCurve.read(folder);
        return curve.isEmpty() ? -1 : curve.get(curve.size() - 1).step();
    }

    /** The last train.loss step the store holds (-1 while there is none or the child is still creating the run). */
    private static long lastStoredLossStep(String kind, Path store, RunFolder folder) {
        try {
            String runId = folder.record().map(RunRecord::trackerRunId).orElse(null);
            List<Long> steps = runId == null ? List.of()
                    : histories(kind, store, runId).getOrDefault("train.loss", List.of());
            return steps.isEmpty() ? -1 : steps.get(steps.size() - 1);
        } catch (IOException | SQLException | RuntimeException e) {
            return -1;                                       // the child is still writing: look again
        }
    }

    /** Metric key → its steps in stored order (the file's lines; the table's rows by step). */
    private static Map<String, List<Long>> histories(String kind, Path store, String runId)
            throws IOException, SQLException {
        Map<String, List<Long>> histories = new TreeMap<>();
        if (kind.equals("sqlite")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
                 PreparedStatement query = c.prepareStatement(
                         "SELECT key, step FROM metrics WHERE run_uuid = ? ORDER BY key, step, timestamp")) {
                query.setString(1, runId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        histories.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getLong(2));
                    }
                }
            }
            return histories;
        }
        Path metrics;
        try (Stream<Path> runDirs = Files.find(store, 2, (path, attributes) -> path.endsWith(runId))) {
            metrics = runDirs.findFirst().orElseThrow().resolve("metrics");
        }
        try (Stream<Path> files = Files.walk(metrics)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = metrics.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    histories.computeIfAbsent(key, k -> new ArrayList<>()).add(Long.parseLong(line.split(" ")[2]));
                }
            }
        }
        return histories;
    }

    private static void waitFor(BooleanSupplier condition, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the training child did not reach step " + KILL_AFTER_STEP
                        + " while alive (exit " + (child.isAlive() ? "none" : child.exitValue()) + ")");
            }
            Thread.sleep(20);
        }
    }
}
