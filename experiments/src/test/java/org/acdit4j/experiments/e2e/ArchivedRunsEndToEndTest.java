package org.acdit4j.experiments.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep finished on two machines: one runs part of it and archives that beside the report; another, a checkout
 * holding only {@code results/}, restores it, runs only the rest and reports all of it. The real CLI in its own
 * JVM, the smoke preset of the main job. The second test edits a copy of the first one's archive.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchivedRunsEndToEndTest {

    private static final String DATA_DIR = System.getProperty("acdit.test.dataDir");
    private static final String EXPERIMENT = "block-size-tradeoff";

    @TempDir
    static Path work;

    @Test
    @Order(1)
    void runsArchivedOnOneMachineCountAsFinishedOnAnother() throws Exception {
        Path first = Files.createDirectories(work.resolve("first"));
        assertThat(acdit(first, "run", EXPERIMENT, "--preset", "smoke", "--only", "0", "--workers", "1", "--data-dir", DATA_DIR))
                .isZero();
        assertThat(acdit(first, "archive", EXPERIMENT, "--preset", "smoke")).isZero();
        assertThat(log(first)).contains("1 run(s) archived in").contains("not archived: blockSize4-seed0 (not finished here)");
        Path archived = first.resolve("results/block-size-tradeoff/smoke/runs/blockSize16-seed0");
        assertThat(archived.resolve("run.json")).content().contains("\"status\" : \"FINISHED\"");
        assertThat(archived.resolve("config.yaml")).isRegularFile();
        assertThat(archived.resolve("loss.csv")).isRegularFile();
        assertThat(archived.resolve("samples/final.png")).isRegularFile();
        assertThat(archived.resolve("checkpoints")).doesNotExist();
        assertThat(archived.resolve("train.log")).doesNotExist();
        assertThat(archived.resolve("SHA256SUMS")).content().contains("  run.json\n").contains("  config.yaml\n");

        Path second = Files.createDirectories(work.resolve("second"));
        copyTree(first.resolve("results"), second.resolve("results"));
        assertThat(acdit(second, "run", EXPERIMENT, "--preset", "smoke", "--from-archive", "--workers", "1", "--data-dir", DATA_DIR))
                .isZero();
        assertThat(log(second)).contains("1 archived run(s) restored from")
                .contains("[0] blockSize16-seed0: finished earlier, skipped");
        Path runs = second.resolve("runs/block-size-tradeoff");
        assertThat(runs.resolve("blockSize16-seed0/train.log")).doesNotExist();
        assertThat(runs.resolve("blockSize4-seed0/train.log")).isRegularFile();
        Path report = second.resolve("results/block-size-tradeoff/smoke");
        assertThat(report.resolve("REPORT.md")).content().contains("| runs | 3 finished of 3 |");
        assertThat(rowOf(report, "blockSize16-seed0")).isEqualTo(rowOf(first.resolve("results/block-size-tradeoff/smoke"),
                "blockSize16-seed0"));
    }

    @Test
    @Order(2)
    void anArchivedRunOfAnotherConfigurationIsRefusedBySweepsAndReportedAsItsFolderHoldsIt() throws Exception {
        Path elsewhere = copyOfTheArchive("elsewhere");
        Path archived = elsewhere.resolve("results/block-size-tradeoff/smoke/runs/blockSize16-seed0");
        Path config = archived.resolve("config.yaml");
        Files.writeString(config, Files.readString(config).replace("warmupSteps: 2", "warmupSteps: 1"));

        assertThat(acdit(elsewhere, "report", EXPERIMENT, "--preset", "smoke", "--from-archive")).isEqualTo(2);
        assertThat(log(elsewhere)).contains("runs/blockSize16-seed0 cannot be trusted: config.yaml was changed since it "
                + "was archived");

        Path frozenPlan = archived.resolve("run-spec.json");
        Files.writeString(frozenPlan, Files.readString(frozenPlan).replace("\"train.warmupSteps\" : \"2\"",
                "\"train.warmupSteps\" : \"1\""));
        checksumsRewritten(archived);
        assertThat(acdit(elsewhere, "run", EXPERIMENT, "--preset", "smoke", "--from-archive", "--data-dir", DATA_DIR))
                .isEqualTo(2);
        assertThat(log(elsewhere)).contains("runs/blockSize16-seed0 was archived from another configuration")
                .contains("train.warmupSteps");
        assertThat(elsewhere.resolve("runs")).doesNotExist();

        assertThat(acdit(elsewhere, "report", EXPERIMENT, "--preset", "smoke", "--from-archive")).isZero();
        assertThat(log(elsewhere)).contains("1 archived run(s) restored")
                .contains("report: blockSize16-seed0 is reported as its run folder holds it; today's definition changes "
                        + "train.warmupSteps: '1' in the run folder, '2' now");
        assertThat(rowOf(elsewhere.resolve("results/block-size-tradeoff/smoke"), "blockSize16-seed0"))
                .contains("FINISHED");
    }

    @Test
    @Order(3)
    void aTamperedOrUnfinishedArchivedRunIsRefusedByName() throws Exception {
        Path edited = copyOfTheArchive("edited");
        Path record = edited.resolve("results/block-size-tradeoff/smoke/runs/blockSize16-seed0/run.json");
        String honest = Files.readString(record);
        Files.writeString(record, honest.replaceFirst("(\"metrics\" : \\{\\s*\"[^\"]+\" : )", "$1" + "1"));
        assertThat(record).content().isNotEqualTo(honest);
        Path removed = copyOfTheArchive("removed");
        Files.delete(removed.resolve("results/block-size-tradeoff/smoke/runs/blockSize16-seed0/config.yaml"));
        Path running = copyOfTheArchive("running");
        Path runningRun = running.resolve("results/block-size-tradeoff/smoke/runs/blockSize16-seed0");
        Path runningRecord = runningRun.resolve("run.json");
        Files.writeString(runningRecord, Files.readString(runningRecord).replace("\"FINISHED\"", "\"RUNNING\""));
        checksumsRewritten(runningRun);

        for (Path copy : List.of(edited, removed, running)) {
            assertThat(acdit(copy, "run", EXPERIMENT, "--preset", "smoke", "--from-archive", "--data-dir", DATA_DIR))
                    .isEqualTo(2);
            assertThat(copy.resolve("runs")).doesNotExist();
        }
        assertThat(log(edited)).contains("blockSize16-seed0 cannot be trusted: run.json was changed since it was archived");
        assertThat(log(removed)).contains("blockSize16-seed0 cannot be trusted: config.yaml is missing since it was archived");
        assertThat(log(running)).contains("blockSize16-seed0 is RUNNING, not FINISHED; allowed: finished runs only");
    }

    private static Path copyOfTheArchive(String name) throws IOException {
        Path copy = Files.createDirectories(work.resolve(name));
        copyTree(work.resolve("first/results"), copy.resolve("results"));
        return copy;
    }

    /** What a run archived from these files would hold: their checksums, as sha256sum writes them. */
    private static void checksumsRewritten(Path archived) throws IOException, InterruptedException {
        Process sums = new ProcessBuilder("bash", "-c", "find . -type f ! -name SHA256SUMS -printf '%P\\n' | sort "
                + "| xargs -d '\\n' sha256sum > ../SHA256SUMS.new && mv ../SHA256SUMS.new SHA256SUMS").directory(archived.toFile())
                .inheritIO().start();
        assertThat(sums.waitFor()).isZero();
    }

    private static int acdit(Path dir, String... args) throws IOException, InterruptedException {
        return AcditProcess.run(dir, dir.resolve("out.log"), args);
    }

    private static String log(Path dir) throws IOException {
        return Files.readString(dir.resolve("out.log"));
    }

    private static String rowOf(Path report, String run) throws IOException {
        return Files.readAllLines(report.resolve("summary.csv")).stream().filter(line -> line.startsWith(run + ","))
                .findFirst().orElseThrow();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted().toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }
}
