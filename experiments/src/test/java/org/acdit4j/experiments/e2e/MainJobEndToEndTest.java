package org.acdit4j.experiments.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The main job end to end at a tiny size (synthetic shapes and MNIST digits, a one-layer model, a few
 * steps): the real CLI in its own JVM, a child JVM per run, the default MLflow store ({@code sqlite:///mlflow.db}, and
 * the {@code ./mlruns} file store where a test reads metric files), the report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainJobEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA_DIR = System.getProperty("acdit.test.dataDir");
    /** Three MNIST runs whose metrics are deterministic (class agreement, losses); 12 steps each. */
    private static final List<String> DETERMINISTIC = List.of("--preset", "smoke", "data.name=mnist", "data.size=32",
            "model.patch=8", "sweep.cases=", "sweep.grid.model.blockSize=16,4,1", "train.steps=12", "evaluate.evaluators=class-agreement",
            "evaluate.guidances=1.5", "evaluate.samples=20", "track.checkpointEvery=3");

    @TempDir
    static Path work;

    @Test
    @Order(1)
    void theSmokePresetProducesRunsAStoreAndAReport() throws Exception {
        Path dir = Files.createDirectories(work.resolve("smoke"));
        int exit = AcditProcess.run(dir, dir.resolve("out.log"), "run", "block-size-tradeoff", "--preset", "smoke",
                "--data-dir", DATA_DIR);

        assertThat(exit).as(Files.readString(dir.resolve("out.log"))).isZero();
        Path results = dir.resolve("results/block-size-tradeoff/smoke");
        assertThat(results.resolve("summary.csv")).isRegularFile();
        assertThat(Files.readAllLines(results.resolve("summary.csv"))).hasSize(4)
                .allMatch(line -> line.startsWith("run,") || line.contains(",FINISHED,"));
        assertThat(results.resolve("REPORT.md")).content().contains("sampling-speed.kvCacheSpeedup").contains("| runs | 3 finished of 3 |")
                .contains("| discrete-token AR |");
        assertThat(results.resolve("loss-curves.png")).isRegularFile();
        assertThat(results.resolve("samples/blockSize4-seed0.png")).isRegularFile();

        assertThat(dir.resolve("mlruns")).doesNotExist();
        Map<String, Map<String, String>> runsByName = sqliteRuns(dir.resolve("mlflow.db"));
        assertThat(runsByName).containsOnlyKeys("block-size-tradeoff-sweep", "blockSize16-seed0", "blockSize4-seed0",
                "token-ar-seed0");
        String parentId = runsByName.get("block-size-tradeoff-sweep").get("id");
        assertThat(runsByName.get("blockSize4-seed0")).containsEntry("mlflow.parentRunId", parentId)
                .containsEntry("status", "FINISHED");
        assertThat(runsByName.get("block-size-tradeoff-sweep")).containsEntry("status", "FINISHED");
        Path parentArtifacts = dir.resolve("mlartifacts").resolve(runsByName.get("block-size-tradeoff-sweep")
                .get("experiment")).resolve(parentId).resolve("artifacts/report");
        assertThat(parentArtifacts.resolve("REPORT.md")).isRegularFile();
        assertThat(parentArtifacts.resolve("summary.csv")).isRegularFile();
    }

    @Test
    @Order(2)
    void aSweepKilledInItsSecondRunResumesToTheSameResultsAsAnUninterruptedOne() throws Exception {
        Path straight = Files.createDirectories(work.resolve("straight"));
        assertThat(runSweep(straight, "--workers", "1")).isZero();

        Path killed = Files.createDirectories(work.resolve("killed"));
        Process process = AcditProcess.start(killed, killed.resolve("first.log"), sweepArguments("--workers", "1"));
        Path second = killed.resolve("runs/block-size-tradeoff/blockSize4-seed0");
        waitFor(() -> stepOf(second) >= 4 && Files.isRegularFile(second.resolve("checkpoints/latest.ckpt")), process);
        AcditProcess.killTree(process);
        process.waitFor(30, TimeUnit.SECONDS);
        JsonNode interrupted = JSON.readTree(second.resolve("run.json").toFile());
        assertThat(interrupted.path("status").asText()).isEqualTo("RUNNING");
        assertThat(killed.resolve("runs/block-size-tradeoff/blockSize16-seed0/run.json"))
                .as("the cheapest run starts last").doesNotExist();

        assertThat(runSweep(killed, "--workers", "1")).isZero();

        String rerun = Files.readString(killed.resolve("out.log"));
        assertThat(rerun).contains("[2] blockSize1-seed0: finished earlier, skipped");
        JsonNode resumed = JSON.readTree(second.resolve("run.json").toFile());
        assertThat(resumed.path("trackerRunId").asText()).isEqualTo(interrupted.path("trackerRunId").asText());
        assertThat(Files.readString(second.resolve("train.log"))).contains("resumed from");
        assertThat(deterministicColumns(killed)).isEqualTo(deterministicColumns(straight));
        assertThat(finalLosses(killed)).isEqualTo(finalLosses(straight));
        Path straightSecond = straight.resolve("runs/block-size-tradeoff/blockSize4-seed0");
        assertThat(steps(second.resolve("loss.csv"), ",", 0)).doesNotHaveDuplicates()
                .isEqualTo(steps(straightSecond.resolve("loss.csv"), ",", 0));
        assertThat(steps(metricFile(killed, resumed, "train.loss"), " ", 2)).doesNotHaveDuplicates()
                .isEqualTo(steps(straightSecond.resolve("loss.csv"), ",", 0));

        Path copied = Files.createDirectories(work.resolve("elsewhere")).resolve("copied.ckpt");
        Files.copy(second.resolve("checkpoints/latest.ckpt"), copied);
        assertThat(AcditProcess.run(killed, killed.resolve("sample.log"), "sample", "--data-dir", DATA_DIR, "--checkpoint",
                copied.toString(), "--labels", "3,5,7", "--out", "grid.png", "sample.steps=1")).isZero();
        assertThat(Files.readString(killed.resolve("sample.log"))).contains("3 samples at step 12");
        assertThat(javax.imageio.ImageIO.read(killed.resolve("grid.png").toFile()).getWidth()).isGreaterThan(3 * 32);
        assertThat(AcditProcess.run(killed, killed.resolve("npz.log"), "sample", "--data-dir", DATA_DIR, "--checkpoint",
                copied.toString(), "--count", "4", "--out", "samples.npz", "sample.steps=1")).isZero();
        try (java.util.zip.ZipFile npz = new java.util.zip.ZipFile(killed.resolve("samples.npz").toFile())) {
            assertThat(npz.stream().map(java.util.zip.ZipEntry::getName)).containsExactly("arr_0.npy", "arr_1.npy");
            assertThat(new String(npz.getInputStream(npz.getEntry("arr_0.npy")).readNBytes(128),
                    java.nio.charset.StandardCharsets.US_ASCII)).contains("'shape': (4, 32, 32, 3)");
        }
        assertThat(AcditProcess.run(killed, killed.resolve("resume.log"), "resume", second.toString())).isZero();
        assertThat(Files.readString(killed.resolve("resume.log"))).contains("blockSize4-seed0 already finished");
    }

    @Test
    @Order(3)
    void schedulerTasksRunAsSeparateProcessesGiveTheSameReportAsOneSequentialRun() throws Exception {
        Path scattered = Files.createDirectories(work.resolve("scattered"));
        assertThat(runSweep(scattered, "--emit", "slurm")).isZero();
        List<String> kubernetes = new ArrayList<>(List.of("run", "block-size-tradeoff", "--data-dir", DATA_DIR,
                "--tracking-uri", "https://mlflow.example.org", "--emit", "k8s"));     // pods need a tracking server
        kubernetes.addAll(DETERMINISTIC);
        assertThat(AcditProcess.run(scattered, scattered.resolve("k8s.log"), kubernetes.toArray(String[]::new))).isZero();
        Path sbatch = scattered.resolve("runs/block-size-tradeoff/slurm-array.sbatch");
        Process syntax = new ProcessBuilder("bash", "-n", sbatch.toString()).redirectErrorStream(true).start();
        assertThat(syntax.waitFor()).as(new String(syntax.getInputStream().readAllBytes())).isZero();
        assertThat(Files.readString(sbatch)).contains("#SBATCH --array=0-2").contains("--only \"${SLURM_ARRAY_TASK_ID}\"");
        Map<String, Object> job = new Yaml().load(Files.readString(scattered.resolve("runs/block-size-tradeoff/k8s-indexed-job.yaml")));
        assertThat(job).containsEntry("kind", "Job");
        @SuppressWarnings("unchecked")
        Map<String, Object> jobSpec = (Map<String, Object>) job.get("spec");
        assertThat(jobSpec).containsEntry("completionMode", "Indexed").containsEntry("completions", 3);

        List<Process> tasks = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            tasks.add(AcditProcess.start(scattered, scattered.resolve("task" + index + ".log"),
                    sweepArguments("--only", String.valueOf(index), "--workers", "1")));
        }
        for (Process task : tasks) {
            assertThat(task.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(task.exitValue()).isZero();
        }
        List<String> report = new ArrayList<>(List.of("report", "block-size-tradeoff"));
        report.addAll(DETERMINISTIC);
        assertThat(AcditProcess.run(scattered, scattered.resolve("report.log"), report.toArray(String[]::new))).isZero();

        assertThat(deterministicColumns(scattered)).isEqualTo(deterministicColumns(work.resolve("straight")));
        Map<String, Map<String, String>> runs = mlflowRuns(scattered.resolve("mlruns"));
        assertThat(runs).containsOnlyKeys("block-size-tradeoff-sweep", "blockSize16-seed0", "blockSize4-seed0", "blockSize1-seed0");
        String parentId = runs.get("block-size-tradeoff-sweep").get("id");
        assertThat(runs.values()).filteredOn(run -> parentId.equals(run.get("mlflow.parentRunId"))).hasSize(3);
    }

    @Test
    @Order(4)
    void aDivergingRunFailsWithAReasonWhileTheNextProceeds() throws Exception {
        Path dir = Files.createDirectories(work.resolve("diverging"));
        int exit = AcditProcess.run(dir, dir.resolve("out.log"), "run", "block-size-tradeoff", "--preset", "smoke",
                "--data-dir", DATA_DIR, "--workers", "1", "sweep.cases=", "sweep.grid.model.blockSize=4", "sweep.grid.train.lr=1e9,1e-3",
                "train.gradClip=0");

        String out = Files.readString(dir.resolve("out.log"));
        assertThat(exit).as(out).isEqualTo(1);
        assertThat(out).containsPattern("\\[0\\] blockSize4-lr1e9-seed0: FAILED in .* loss became (NaN|Infinity) at step \\d+")
                .contains("[1] blockSize4-lr1e_3-seed0: FINISHED").contains("failed runs: blockSize4-lr1e9-seed0");
    }

    @Test
    @Order(5)
    void anUnknownOverrideKeyExitsTwoWithASuggestion() throws Exception {
        Path dir = Files.createDirectories(work.resolve("usage"));
        int exit = AcditProcess.run(dir, dir.resolve("out.log"), "run", "block-size-tradeoff", "model.dept=6");

        assertThat(exit).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("out.log")))
                .contains("acdit: experiment 'block-size-tradeoff': model.dept: unknown key; did you mean model.depth?");
        assertThat(dir.resolve("runs")).doesNotExist();
        assertThat(dir.resolve("mlruns")).doesNotExist();
        assertThat(dir.resolve("mlflow.db")).doesNotExist();
    }

    private static int runSweep(Path dir, String... extra) throws IOException, InterruptedException {
        return AcditProcess.run(dir, dir.resolve("out.log"), sweepArguments(extra));
    }

    private static String[] sweepArguments(String... extra) {
        List<String> arguments = new ArrayList<>(List.of("run", "block-size-tradeoff", "--data-dir", DATA_DIR,
                "--tracking-uri", "mlruns"));
        arguments.addAll(List.of(extra));
        arguments.addAll(DETERMINISTIC);
        return arguments.toArray(String[]::new);
    }

    /** summary.csv without its timing columns. */
    private static List<String> deterministicColumns(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("results/block-size-tradeoff/custom/summary.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            List<String> row = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (!header.get(i).contains("seconds") && !header.get(i).contains("PerSecond")) {
                    row.add(cells[i]);
                }
            }
            kept.add(String.join(",", row));
        }
        assertThat(header).contains("class-agreement/cfg1.5");
        return kept;
    }

    private static Map<String, String> finalLosses(Path dir) throws IOException {
        Map<String, String> losses = new TreeMap<>();
        try (Stream<Path> runs = Files.list(dir.resolve("runs/block-size-tradeoff"))) {
            for (Path run : runs.filter(Files::isDirectory).toList()) {
                losses.put(run.getFileName().toString(), JSON.readTree(run.resolve("run.json").toFile()).path("lastLoss").asText());
            }
        }
        return losses;
    }

    /** Field {@code field} of every line of {@code file}: the steps of a loss.csv or of an MLflow metric file. */
    private static List<String> steps(Path file, String separator, int field) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.split(separator)[field]).toList();
    }

    /** The mlruns metric file {@code key} of the run named in {@code record} (a run.json). */
    private static Path metricFile(Path dir, JsonNode record, String key) throws IOException {
        String runId = record.path("trackerRunId").asText();
        try (Stream<Path> runDirs = Files.find(dir.resolve("mlruns"), 2, (path, attributes) -> path.endsWith(runId))) {
            return runDirs.findFirst().orElseThrow().resolve("metrics").resolve(key);
        }
    }

    private static long stepOf(Path runFolder) {
        try {
            return Files.isRegularFile(runFolder.resolve("run.json"))
                    ? JSON.readTree(runFolder.resolve("run.json").toFile()).path("step").asLong() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                AcditProcess.killTree(process);
                throw new IllegalStateException("the condition was not reached while the sweep ran");
            }
            Thread.sleep(200);
        }
    }

    /** run name → {id, experiment, status, tags…} read straight from the mlruns folders. */
    private static Map<String, Map<String, String>> mlflowRuns(Path store) throws IOException {
        Map<String, Map<String, String>> runs = new TreeMap<>();
        try (Stream<Path> metas = Files.walk(store, 3)) {
            for (Path meta : metas.filter(path -> path.getFileName().toString().equals("meta.yaml")
                    && path.getNameCount() - store.getNameCount() == 3).toList()) {
                Map<String, Object> fields = new Yaml().load(Files.readString(meta));
                Path runDir = meta.getParent();
                Map<String, String> run = new TreeMap<>();
                run.put("id", String.valueOf(fields.get("run_id")));
                run.put("experiment", String.valueOf(fields.get("experiment_id")));
                run.put("status", String.valueOf(fields.get("status")));
                Path tags = runDir.resolve("tags");
                if (Files.isDirectory(tags)) {
                    try (Stream<Path> files = Files.list(tags)) {
                        for (Path tag : files.toList()) {
                            run.put(tag.getFileName().toString(), Files.readString(tag));
                        }
                    }
                }
                runs.put(run.getOrDefault("mlflow.runName", run.get("id")), run);
            }
        }
        return runs;
    }

    /** Every run of an MLflow SQLite database by name: id, experiment id, status and tags. */
    private static Map<String, Map<String, String>> sqliteRuns(Path database) throws Exception {
        Map<String, Map<String, String>> runs = new TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             java.sql.Statement statement = c.createStatement()) {
            try (java.sql.ResultSet rows = statement.executeQuery(
                    "SELECT run_uuid, experiment_id, status, name FROM runs")) {
                while (rows.next()) {
                    Map<String, String> run = new TreeMap<>();
                    run.put("id", rows.getString(1));
                    run.put("experiment", rows.getString(2));
                    run.put("status", rows.getString(3));
                    runs.put(rows.getString(4), run);
                }
            }
            try (java.sql.ResultSet rows = statement.executeQuery(
                    "SELECT r.name, t.\"key\", t.value FROM tags t JOIN runs r ON r.run_uuid = t.run_uuid")) {
                while (rows.next()) {
                    runs.get(rows.getString(1)).put(rows.getString(2), rows.getString(3));
                }
            }
        }
        return runs;
    }
}
