package org.acdit4j.tracking.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.MetricBuffering;

/**
 * What the child processes of the multi-process tests log, whichever store they log into. Modes:
 * {@code concurrent <store> <label> <sharedRunId> <points> <goFile>}: waits for the go file, then logs {@code points}
 * values to a run of its own (experiment "concurrent", created by name by whichever process is first) and to the
 * shared run, buffered, and ends its own run;
 * {@code endless <store> <artifactFile>}: logs unbuffered metrics, tags and artifacts until killed, printing READY and
 * the run id after the first points are written.
 */
public final class WriterScenarios {

    /** How many values each child of mode concurrent logs in the multi-process tests. */
    public static final int CONCURRENT_POINTS = 300;

    private WriterScenarios() {
    }

    /**
     * Starts the run both children share in {@code store} and closes it, then runs children "A" and "B" of
     * {@code writer} at once in mode concurrent on the store at {@code location}, {@link #CONCURRENT_POINTS} values
     * each ({@link ChildWriters#runTwoAtOnce}, logs in {@code folder}).
     *
     * @return the shared run's id
     */
    public static String logConcurrently(Class<?> writer, Path folder, Tracker store, String location)
            throws Exception {
        String sharedRunId;
        try (store) {
            sharedRunId = store.startRun(RunStart.of("shared", "shared-run")).runId();
        }
        ChildWriters.runTwoAtOnce(writer, folder, Duration.ZERO, label -> List.of("concurrent", location, label,
                sharedRunId, Integer.toString(CONCURRENT_POINTS)));
        return sharedRunId;
    }

    /** Runs the mode {@code args[0]} names on the store {@code openStore} opens with the buffering it is given. */
    public static void run(String[] args, Function<MetricBuffering, Tracker> openStore) throws InterruptedException {
        if (args[0].equals("concurrent")) {
            awaitGo(Path.of(args[5]));
            try (Tracker store = openStore.apply(new MetricBuffering(3, Duration.ZERO))) {
                concurrent(store, args[2], args[3], Integer.parseInt(args[4]));
            }
        } else {
            try (Tracker store = openStore.apply(MetricBuffering.UNBUFFERED)) {
                endless(store, Path.of(args[2]));
            }
        }
    }

    /** Waits (at most 30 s) until {@code goFile} exists, so that the children start logging at the same moment. */
    public static void awaitGo(Path goFile) throws InterruptedException {
        for (int wait = 0; wait < 3000 && !Files.exists(goFile); wait++) {
            Thread.sleep(10);
        }
    }

    /** The values a child of mode concurrent logs to its own run, in step order. */
    public static List<Double> ownValues(int points) {
        return LongStream.range(0, points).mapToObj(i -> (double) i).toList();
    }

    /** The values children "A" and "B" of mode concurrent log together to the shared run, in no particular order. */
    public static List<Double> sharedValues(int points) {
        return LongStream.range(0, points).boxed().flatMap(i -> Stream.of((double) i, 10_000.0 + i)).toList();
    }

    private static void concurrent(Tracker store, String label, String sharedRunId, int points) {
        TrackedRun own = store.startRun(RunStart.of("concurrent", "child-" + label));
        TrackedRun shared = store.resumeRun(sharedRunId);
        own.logParams(Map.of("label", label));
        shared.setTags(Map.of("touched-by-" + label, "yes"));
        for (int i = 0; i < points; i++) {
            own.logMetric("loss", i, i);
            shared.logMetric("shared", label.equals("A") ? i : 10_000 + i, i);
        }
        own.end(RunStatus.FINISHED);
        shared.flush();
    }

    private static void endless(Tracker store, Path artifact) {
        TrackedRun run = store.startRun(RunStart.of("killed", "victim"));
        run.logParams(Map.of("mode", "endless"));
        for (long step = 0; step < 10_000_000L; step++) {
            run.logMetric("loss", 1.0 / (step + 1), step);
            run.logMetric("train/accuracy", step % 100 / 100.0, step);
            if (step % 25 == 0) {
                run.setTags(Map.of("progress", Long.toString(step)));
                run.logArtifact(artifact, "samples/step" + step % 4);
            }
            if (step == 10) {
                System.out.println("READY " + run.runId());
                System.out.flush();
            }
        }
    }
}
