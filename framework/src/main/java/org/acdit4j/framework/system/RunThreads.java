package org.acdit4j.framework.system;

import java.util.List;
import java.util.Optional;

/**
 * How many threads one run may keep busy: {@code ACDIT_THREADS} (or {@code -Dacdit.threads}, which wins), else the
 * machine's cores. A sweep divides them among its concurrent runs ({@link #childJvmFlags}), so two workers on two
 * cores get one each. Each thread is one OpenMP thread of ND4J's kernels ({@code OMP_NUM_THREADS=1}, which is
 * several times faster than two on small ops, docs/PERFORMANCE.md): a run uses more than one by running independent
 * work side by side, the independent ops of its training graph, the micro-batches of a training step and the parts
 * of a large sampling call, with the same bits as on one thread (docs/PERFORMANCE.md, thirteenth round).
 */
public final class RunThreads {

    /** The system property a child JVM receives, and that overrides the environment variable. */
    public static final String PROPERTY = "acdit.threads";
    /** The environment variable a user sets. */
    public static final String VARIABLE = "ACDIT_THREADS";

    private RunThreads() {
    }

    /**
     * The threads this run may use: {@link #PROPERTY}, else {@link #VARIABLE}, else the cores of the machine.
     *
     * @throws IllegalArgumentException naming the setting when it is not a whole number of at least 1
     */
    public static int available() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return parse("-D" + PROPERTY, property);
        }
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return parse(VARIABLE, variable);
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * A one-line warning when {@code threads} per run for {@code concurrentRuns} runs ask for more than the
     * machine's {@code cores}: the threads of a run's graph then wait for cores the others hold (two threads per
     * run on two cores made the experiments' model 1.2× slower with four, docs/PERFORMANCE.md, thirteenth round).
     */
    public static Optional<String> oversubscription(int threads, int concurrentRuns, int cores) {
        int perRun = share(threads, concurrentRuns);
        if ((long) perRun * Math.max(1, concurrentRuns) <= cores) {
            return Optional.empty();
        }
        return Optional.of("warning: " + Math.max(1, concurrentRuns) + " run(s) of " + perRun + " thread(s) each ("
                + VARIABLE + "=" + threads + ") ask for more than the " + cores + " cores of this machine; runs will"
                + " wait for cores (unset " + VARIABLE + " to use the cores)");
    }

    /** Each of {@code concurrentRuns} runs' share of {@code threads}: at least one. */
    static int share(int threads, int concurrentRuns) {
        return Math.max(1, threads / Math.max(1, concurrentRuns));
    }

    /** The flag that gives a child JVM its share of this JVM's threads, unless {@code ownJvmArguments} set it. */
    public static List<String> childJvmFlags(int concurrentRuns, List<String> ownJvmArguments) {
        if (ownJvmArguments.stream().anyMatch(argument -> argument.startsWith("-D" + PROPERTY + "="))) {
            return List.of();
        }
        return List.of("-D" + PROPERTY + "=" + share(available(), concurrentRuns));
    }

    private static int parse(String setting, String value) {
        try {
            int threads = Integer.parseInt(value.strip());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below with the setting's name
        }
        throw new IllegalArgumentException(setting + " must be a whole number of threads, at least 1, got '" + value + "'");
    }
}
