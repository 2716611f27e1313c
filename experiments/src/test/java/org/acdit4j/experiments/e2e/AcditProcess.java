package org.acdit4j.experiments.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.acdit4j.experiments.cli.AcditMain;

/** Starts the real CLI in a separate JVM with the test classpath, as a user would with ./acdit. */
final class AcditProcess {

    private AcditProcess() {
    }

    static Process start(Path workingDir, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), AcditMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("MLFLOW_TRACKING_URI");
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    /** Runs to completion (at most 10 minutes) and returns the exit code. */
    static int run(Path workingDir, Path log, String... args) throws IOException, InterruptedException {
        Process process = start(workingDir, log, args);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            killTree(process);
            throw new IllegalStateException("acdit " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return process.exitValue();
    }

    /** SIGKILL to the process and every descendant (the sweep's child JVMs). */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
