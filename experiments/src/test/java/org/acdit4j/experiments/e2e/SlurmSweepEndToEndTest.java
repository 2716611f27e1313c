package org.acdit4j.experiments.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted smoke sweep on a real Slurm cluster (.ci/run starts a single-node one on localhost with
 * .ci/start-slurm): written with its runs, results and tracking store in another folder than the one it is submitted
 * from, one task cancelled before it starts, the report job then lists that plan as never started and the sweep stays
 * open ({@code acdit runs} says so too); resubmitting that index finishes the sweep, and the report and the store hold every run once. Skipped, with
 * the reason, where no Slurm cluster answers.
 */
class SlurmSweepEndToEndTest {

    private static final String DATA_DIR = System.getProperty("acdit.test.dataDir");
    private static final String EXPERIMENT = "block-size-tradeoff";
    private static final long JOB_MINUTES = 10;

    @TempDir
    Path work;

    @Test
    void anEmittedSweepRunsOnSlurmFromAnywhereAndACancelledTaskIsResubmitted() throws Exception {
        assumeTrue(slurmAnswers(), "no Slurm cluster answers (sinfo shows no usable node); bash .ci/start-slurm starts "
                + "one on localhost, and .ci/run does so before the tests");
        Path emitFrom = Files.createDirectories(work.resolve("project"));
        Path elsewhere = work.resolve("shared");
        Path runs = elsewhere.resolve("runs");
        Path results = elsewhere.resolve("results");
        Path mlruns = elsewhere.resolve("mlruns");
        assertThat(AcditProcess.run(emitFrom, work.resolve("emit.log"), "--runs-dir", runs.toString(), "--results-dir",
                results.toString(), "--tracking-uri", mlruns.toString(), "--data-dir", DATA_DIR, "run", EXPERIMENT,
                "--preset", "smoke", "--emit", "slurm", "--task-memory", "4G", "--task-time", "0:20:00")).isZero();
        Path array = runs.resolve(EXPERIMENT).resolve("slurm-array.sbatch");
        Path report = runs.resolve(EXPERIMENT).resolve("slurm-report.sbatch");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(array))).isEqualTo("rwxr-xr-x");
        Path anywhere = Files.createDirectories(work.resolve("anywhere"));

        String job = sbatch(anywhere, "--hold", array.toString());
        run(anywhere, "scancel", job + "_2");
        run(anywhere, "scontrol", "release", job);
        awaitEnd(job);
        awaitEnd(sbatch(anywhere, "--dependency=afterany:" + job, report.toString()));

        Path experimentRuns = runs.resolve(EXPERIMENT);
        assertThat(experimentRuns.resolve("blockSize16-seed0/run.json")).content().contains("\"FINISHED\"");
        assertThat(experimentRuns.resolve("token-ar-seed0")).doesNotExist();
        assertThat(results.resolve(EXPERIMENT + "/smoke/REPORT.md")).content().contains("| runs | 2 finished of 3 |")
                .contains("| token-ar-seed0 | ").contains("never started");
        assertThat(slurmLogs(experimentRuns)).contains("report: 1 of 3 planned run(s) never started: [2] token-ar-seed0");
        assertThat(AcditProcess.run(anywhere, work.resolve("runs.log"), "runs", "--tracking-uri", mlruns.toString()))
                .isZero();
        assertThat(work.resolve("runs.log")).content().containsPattern("sweep block-size-tradeoff-sweep  RUNNING .* 2 runs, "
                + "2 finished of 3 planned; 1 never started: \\[2] token-ar-seed0");
        assertThat(emitFrom.resolve("runs")).doesNotExist();
        assertThat(anywhere.resolve("runs")).doesNotExist();

        String resubmitted = sbatch(anywhere, "--array=2", array.toString());
        awaitEnd(resubmitted);
        awaitEnd(sbatch(anywhere, "--dependency=afterany:" + resubmitted, report.toString()));

        assertThat(results.resolve(EXPERIMENT + "/smoke/REPORT.md")).content().contains("| runs | 3 finished of 3 |")
                .doesNotContain("never started");
        List<String> metas = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(mlruns)) {
            for (Path meta : walk.filter(file -> file.endsWith("meta.yaml") && file.getParent().getParent()
                    .getParent().equals(mlruns)).toList()) {
                metas.add(Files.readString(meta));
            }
        }
        assertThat(metas).hasSize(4).allMatch(meta -> meta.contains("status: 3"), "every run FINISHED");
        try (Stream<Path> walk = Files.walk(mlruns)) {
            List<Path> losses = walk.filter(file -> file.endsWith(Path.of("metrics", "train.loss"))).toList();
            assertThat(losses).hasSize(3);
            for (Path loss : losses) {
                assertThat(Files.readAllLines(loss).stream().map(line -> line.split(" ")[2]).toList())
                        .doesNotHaveDuplicates();
            }
        }
    }

    private static boolean slurmAnswers() {
        try {
            Process sinfo = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true).start();
            String states = new String(sinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return sinfo.waitFor(30, TimeUnit.SECONDS) && sinfo.exitValue() == 0
                    && states.lines().anyMatch(state -> state.matches("idle|mixed|allocated"));
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String sbatch(Path folder, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(List.of(arguments));
        return run(folder, command.toArray(String[]::new)).strip().split(";")[0];
    }

    private static String run(Path folder, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    /** Waits until Slurm no longer lists any task of {@code job}. */
    private static void awaitEnd(String job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(JOB_MINUTES);
        while (System.nanoTime() < deadline) {
            Process squeue = new ProcessBuilder("squeue", "-h", "-j", job).redirectErrorStream(true).start();
            String listed = new String(squeue.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = squeue.waitFor();
            if (exit == 0 ? listed.isBlank() : listed.contains("Invalid job id")) {
                return;
            }
            Thread.sleep(1000);
        }
        new ProcessBuilder("scancel", job).start().waitFor();
        throw new AssertionError("Slurm job " + job + " did not end in " + JOB_MINUTES + " minutes");
    }

    private static String slurmLogs(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> logs = Files.list(folder)) {
            for (Path log : logs.filter(file -> file.getFileName().toString().startsWith("slurm-")
                    && file.getFileName().toString().endsWith(".log")).sorted().toList()) {
                text.append(Files.readString(log));
            }
        }
        return text.toString();
    }
}
