package org.acdit4j.framework.run;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The run JVMs this process has started and not yet seen end. When this process exits (Ctrl-C, a scheduler's
 * signal) one shutdown hook stops them all gracefully, and from then on no child starts: a sweep's worker that was
 * about to launch its next run when the signal came cannot leave an orphan that trains on after the sweep is gone.
 */
final class ChildProcesses {

    private static final class OfThisJvm {
        static final ChildProcesses INSTANCE = new ChildProcesses();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> INSTANCE.stopAll(ChildJvmLauncher.CHILD_STOP_SECONDS),
                    "acdit-stop-runs"));
        }
    }

    private final Object lock = new Object();
    private final Set<Process> live = new HashSet<>();
    private boolean stopping;

    /** The children of this JVM, stopped when it exits. */
    static ChildProcesses ofThisJvm() {
        return OfThisJvm.INSTANCE;
    }

    /** Starts {@code builder}'s process and follows it; refused once {@link #stopAll} has begun. */
    Process start(ProcessBuilder builder, String runName) throws IOException {
        synchronized (lock) {
            if (stopping) {
                throw new IllegalStateException("not starting " + runName + ": the sweep is stopping");
            }
            Process process = builder.start();
            live.add(process);
            return process;
        }
    }

    /** Forgets {@code process}, which has ended. */
    void ended(Process process) {
        synchronized (lock) {
            live.remove(process);
        }
    }

    /**
     * Refuses new children and sends every live one a termination signal, on which it checkpoints and marks its run
     * as stopped; those still alive after {@code seconds} in all are killed.
     */
    void stopAll(long seconds) {
        List<Process> children;
        synchronized (lock) {
            stopping = true;
            children = List.copyOf(live);
        }
        children.forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Process child : children) {
            try {
                if (!child.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
