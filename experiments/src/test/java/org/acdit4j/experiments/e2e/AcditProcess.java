package org.acdit4j.experiments.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.acdit4j.experiments.cli.AcditMain;

/** Starts the real CLI in a separate JVM with the test classpath, as a user would with ./acdit. */
final class AcditProcess {

    /**
     * The client compiler alone, for this JVM and the sweep's child JVMs (they inherit its flags): a smoke sweep
     * lives 10–25 s, too short for the server compiler to pay back, and spent about half its CPU time compiling
     * (`./acdit run objective-ablation --preset smoke --workers 2`: 17–19 s wall and 32–34 CPU s with both
     * compilers, 10.4–10.5 s and 18–19 CPU s without the server one, three rounds alternated, session 22).
     */
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private AcditProcess() {
    }

    static Process start(Path workingDir, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", C1_ONLY, "-cp", System.getProperty("java.class.path"), AcditMain.class.getName()));
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
