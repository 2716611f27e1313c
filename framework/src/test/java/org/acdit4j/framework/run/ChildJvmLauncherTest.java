package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.acdit4j.framework.system.MemoryLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs: the launcher's exit code, log and its behaviour when the launching JVM is stopped. */
class ChildJvmLauncherTest {

    @TempDir
    Path directory;

    @Test
    void returnsTheChildsExitCodeAndAppendsItsOutputToTheRunLog() throws Exception {
        RunFolder folder = new RunFolder(directory.resolve("run"));
        ChildJvmLauncher launcher = new ChildJvmLauncher(ChildProbe.class.getName(),
                List.of(directory.resolve("pid").toString(), "exit", "3"), List.of("--extra"), 1);

        int exitCode = launcher.launch(plan(), folder, "parent-1");

        assertThat(exitCode).isEqualTo(3);
        assertThat(Files.readString(folder.log())).contains("probe arguments:")
                .contains("--run-folder " + folder.root().toAbsolutePath() + " --parent-run-id parent-1 --extra").contains("OMP_NUM_THREADS=1");
    }

    @Test
    void theChildGetsTheLaunchingJvmsFlagsAndItsShareOfTheMachinesMemory() throws Exception {
        RunFolder folder = new RunFolder(directory.resolve("run"));
        ChildJvmLauncher launcher = new ChildJvmLauncher(ChildProbe.class.getName(),
                List.of(directory.resolve("pid").toString(), "exit", "0"), List.of(), 2);

        launcher.launch(plan(), folder, null);

        String log = Files.readString(folder.log());
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertThat(flags).isNotEmpty();
        flags.forEach(flag -> assertThat(log).contains(flag));
        long share = (long) (MemoryLimits.machineBytes().orElseThrow() * 0.9 / 2);
        assertThat(log).contains("probe native limit: " + share);
    }

    @Test
    void stoppingTheLaunchingJvmStopsTheChildItWaitsFor() throws Exception {
        Path pidFile = directory.resolve("pid");
        Process launching = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                LaunchingProbe.class.getName(), directory.resolve("run").toString(), pidFile.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("launching.log").toFile()).start();
        try {
            long childPid = awaitPid(pidFile, Duration.ofSeconds(60));
            assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).contains(true);

            launching.destroy();

            assertThat(launching.waitFor(60, TimeUnit.SECONDS)).as("the launching JVM exits").isTrue();
            assertThat(exitsWithin(childPid, Duration.ofSeconds(30))).as("the child JVM was stopped with its launcher")
                    .isTrue();
        } finally {
            launching.destroyForcibly();
        }
    }

    private static RunPlan plan() {
        return SweepPlanner.plan(RunExecutorTest.EXPERIMENT, null, List.of()).get(0);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean exitsWithin(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static long awaitPid(Path pidFile, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(pidFile) && !Files.readString(pidFile).isBlank()) {
                return Long.parseLong(Files.readString(pidFile).trim());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child JVM did not start within " + timeout);
    }

    /** A run's JVM: writes its PID, prints its arguments, then exits with a given code or sleeps until stopped. */
    public static final class ChildProbe {
        public static void main(String[] args) throws Exception {
            System.out.println("probe arguments: " + String.join(" ", List.of(args).subList(1, args.length))
                    + " OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
            System.out.println("probe JVM flags: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.println("probe native limit: " + System.getProperty(MemoryLimits.MAX_PHYSICAL_BYTES));
            Path pidFile = Path.of(args[0]);
            Files.writeString(pidFile.resolveSibling(pidFile.getFileName() + ".tmp"),
                    String.valueOf(ProcessHandle.current().pid()));
            Files.move(pidFile.resolveSibling(pidFile.getFileName() + ".tmp"), pidFile);
            if (args[1].equals("exit")) {
                System.exit(Integer.parseInt(args[2]));
            }
            Thread.sleep(Duration.ofMinutes(10).toMillis());
        }
    }

    /** A sweep's JVM: launches one sleeping child and waits for it. */
    public static final class LaunchingProbe {
        public static void main(String[] args) throws Exception {
            new ChildJvmLauncher(ChildProbe.class.getName(), List.of(args[1], "sleep"), List.of(), 1)
                    .launch(plan(), new RunFolder(Path.of(args[0])), null);
        }
    }
}
