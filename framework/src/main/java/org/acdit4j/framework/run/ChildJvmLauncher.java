package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.acdit4j.framework.system.MemoryLimits;
import org.acdit4j.framework.system.RunThreads;

/**
 * Runs each plan in its own JVM (SameDiff frees native memory only through the GC and has no
 * {@code close()}, so one run per process keeps a long sweep's memory flat). The plan is frozen into the run folder
 * first ({@link RunFolder#freeze}) and the child is handed that folder ({@code --run-folder DIR}), from which it reads
 * everything about the run; it plans nothing. The child gets the same
 * classpath and JVM flags (those of {@code ACDIT_JAVA_OPTS} included; a debugger's agent excepted), JavaCPP's
 * native-memory limits and its share of the processors unless the flags set them ({@link MemoryLimits},
 * {@link RunThreads}), {@code OMP_NUM_THREADS=1} unless set, and appends its output to the run's {@code train.log}. Children are stopped
 * gracefully when this JVM exits, and none starts after that began ({@link ChildProcesses}).
 */
public final class ChildJvmLauncher implements RunLauncher {

    /** Longer than a child's own wait for its training loop to checkpoint and stop. */
    static final long CHILD_STOP_SECONDS = RunExecutor.STOP_WAIT_SECONDS + 30;

    private final String mainClass;
    private final List<String> commandPrefix;
    private final List<String> sharedArguments;
    private final int concurrentRuns;
    private final ChildProcesses children = ChildProcesses.ofThisJvm();

    /**
     * @param mainClass       the CLI main class
     * @param commandPrefix   arguments before the run's own, e.g. {@code execute-run}
     * @param sharedArguments arguments after them, e.g. {@code --tracking-uri …}
     * @param concurrentRuns  children alive at once, which share the machine's memory
     */
    public ChildJvmLauncher(String mainClass, List<String> commandPrefix, List<String> sharedArguments,
                            int concurrentRuns) {
        this.mainClass = mainClass;
        this.commandPrefix = List.copyOf(commandPrefix);
        this.sharedArguments = List.copyOf(sharedArguments);
        this.concurrentRuns = concurrentRuns;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code folder} holds a run of another configuration
     */
    @Override
    public int launch(RunPlan plan, RunFolder folder, String parentRunId) throws InterruptedException {
        folder.freeze(plan);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String argument : jvmArguments) {
            if (!isDebuggerAgent(argument)) {
                command.add(argument);
            }
        }
        command.addAll(MemoryLimits.childJvmFlags(concurrentRuns, jvmArguments));
        command.addAll(RunThreads.childJvmFlags(concurrentRuns, jvmArguments));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(commandPrefix);
        command.add("--run-folder");
        command.add(folder.root().toAbsolutePath().toString());
        if (parentRunId != null) {
            command.add("--parent-run-id");
            command.add(parentRunId);
        }
        command.addAll(sharedArguments);
        try {
            Files.createDirectories(folder.root());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> environment = builder.environment();
            environment.putIfAbsent("OMP_NUM_THREADS", "1");
            Process process = children.start(builder, plan.name());
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                stopGracefully(process);
                throw e;
            } finally {
                children.ended(process);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the run " + plan.name() + ": " + e.getMessage(), e);
        }
    }

    /** A debugger's agent listens on a port, which a second JVM cannot take too. */
    private static boolean isDebuggerAgent(String argument) {
        return argument.startsWith("-agentlib:jdwp") || argument.startsWith("-Xrunjdwp") || argument.equals("-Xdebug");
    }

    /**
     * Sends the child a termination signal, on which it checkpoints and marks its run as stopped, and waits for
     * that; a child still alive after {@link #CHILD_STOP_SECONDS} is killed.
     */
    private static void stopGracefully(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
