package org.acdit4j.experiments.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one runs folder, as the real CLI runs them: two sweeps of one experiment started together train
 * each step once between them (the run lock), and a run whose process is killed is FAILED with its exit code and log,
 * in run.json and in the tracking store, instead of staying RUNNING.
 */
class SharedRunsEndToEndTest {

    private static final String DATA_DIR = System.getProperty("acdit.test.dataDir");
    private static final String EXPERIMENT = "block-size-tradeoff";
    private static final List<String> RUNS = List.of("blockSize16-seed0", "blockSize4-seed0", "token-ar-seed0");

    @TempDir
    Path work;

    @Test
    void twoSweepsOfOneExperimentStartedTogetherTrainEachStepOnce() throws Exception {
        Process first = AcditProcess.start(work, work.resolve("first.log"), sweep());
        Process second = AcditProcess.start(work, work.resolve("second.log"), sweep());
        for (Process sweep : List.of(first, second)) {
            if (!sweep.waitFor(10, TimeUnit.MINUTES)) {
                AcditProcess.killTree(sweep);
            }
        }
        String firstLog = Files.readString(work.resolve("first.log"));
        String secondLog = Files.readString(work.resolve("second.log"));

        assertThat(first.exitValue()).as(firstLog).isZero();
        assertThat(second.exitValue()).as(secondLog).isZero();
        assertThat(firstLog + secondLog).contains("being trained by pid ");
        for (String run : RUNS) {
            Path folder = work.resolve("runs").resolve(EXPERIMENT).resolve(run);
            assertThat(folder.resolve("run.json")).content().contains("\"status\" : \"FINISHED\"");
            List<String> steps = Files.readAllLines(folder.resolve("loss.csv")).stream().skip(1)
                    .map(line -> line.substring(0, line.indexOf(','))).toList();
            assertThat(steps).as(run).isNotEmpty().doesNotHaveDuplicates();
        }
        List<Path> lossHistories = files(work.resolve("mlruns"), Path.of("metrics", "train.loss"));
        assertThat(lossHistories).hasSize(RUNS.size());
        for (Path history : lossHistories) {
            List<String> steps = Files.readAllLines(history).stream().map(line -> line.split(" ")[2]).toList();
            assertThat(steps).as(history.toString()).isNotEmpty().doesNotHaveDuplicates();
        }
        assertThat(work.resolve("results/block-size-tradeoff/smoke/REPORT.md")).content()
                .contains("| runs | 3 finished of 3 |");
    }

    @Test
    void aRunWhoseProcessIsKilledIsFailedWithItsExitCodeAndLog() throws Exception {
        Process sweep = AcditProcess.start(work, work.resolve("sweep.log"), "run", EXPERIMENT, "--preset", "smoke",
                "--only", "0", "--workers", "1", "--data-dir", DATA_DIR, "--tracking-uri", "mlruns");
        Path record = work.resolve("runs").resolve(EXPERIMENT).resolve(RUNS.get(0)).resolve("run.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!(Files.isRegularFile(record) && Files.readString(record).contains("\"RUNNING\""))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<ProcessHandle> trainers = sweep.descendants().toList();
        assertThat(trainers).as("the run's child JVM").isNotEmpty();
        trainers.forEach(ProcessHandle::destroyForcibly);
        assertThat(sweep.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(work.resolve("sweep.log"));

        assertThat(sweep.exitValue()).as(log).isEqualTo(1);
        assertThat(record).content().contains("\"status\" : \"FAILED\"")
                .contains("exited with code 137 (SIGKILL: the kernel's out-of-memory killer")
                .contains("last lines of train.log:");
        assertThat(log).contains("[0] blockSize16-seed0: FAILED").contains("exited with code 137");
        Map<String, String> meta = childMeta(work.resolve("mlruns"));
        assertThat(meta).containsEntry("status", "4");
        assertThat(files(work.resolve("mlruns"), Path.of("tags", "acdit.exitCode"))).singleElement()
                .satisfies(tag -> assertThat(tag).hasContent("137"));
    }

    private static String[] sweep() {
        return new String[] {"run", EXPERIMENT, "--preset", "smoke", "--workers", "1", "--data-dir", DATA_DIR,
            "--tracking-uri", "mlruns"};
    }

    /** The fields of the meta.yaml of the run that is not the sweep's parent. */
    private static Map<String, String> childMeta(Path mlruns) throws IOException {
        for (Path meta : files(mlruns, Path.of("meta.yaml"))) {
            String text = Files.readString(meta);
            if (text.contains("run_name: " + RUNS.get(0))) {
                return text.lines().filter(line -> line.contains(": ")).collect(java.util.stream.Collectors.toMap(
                        line -> line.substring(0, line.indexOf(": ")).strip(),
                        line -> line.substring(line.indexOf(": ") + 2).strip(), (a, b) -> a));
            }
        }
        throw new AssertionError("no run named " + RUNS.get(0) + " under " + mlruns);
    }

    private static List<Path> files(Path root, Path ending) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(file -> file.endsWith(ending)).toList();
        }
    }
}
