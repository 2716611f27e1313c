package org.acdit4j.tracking.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.support.TestFiles;

/**
 * A child process for the SQLite multi-process tests. Modes:
 * {@code concurrent <database> <label> <sharedRunId> <points> <goFile>}: waits for the go file, then logs
 * {@code points} values to its own run (experiment "concurrent", created by name by whichever process is first)
 * and to the shared run, and ends its own run;
 * {@code fresh <database> <label> <points> <goFile>}: waits for the go file, then opens the database (which may
 * not exist yet), logs {@code points} values to a run of experiment "fresh" and ends it;
 * {@code endless <database> <artifactFile>}: logs unbuffered metrics, tags and artifacts until killed, printing
 * READY after the first points are written.
 */
public final class SqliteWriterMain {

    private SqliteWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        SqliteLocation location = new SqliteLocation(Path.of(args[1]));
        if (args[0].equals("concurrent")) {
            concurrent(location, args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]));
        } else if (args[0].equals("fresh")) {
            fresh(location, args[2], Integer.parseInt(args[3]), Path.of(args[4]));
        } else {
            endless(location, Path.of(args[2]));
        }
    }

    private static void concurrent(SqliteLocation location, String label, String sharedRunId, int points,
                                   Path goFile) throws InterruptedException {
        awaitGo(goFile);
        try (SqliteStore store = new SqliteStore(location, Clock.systemUTC(), TestFiles.SOURCE,
                new MetricBuffering(3, Duration.ZERO))) {
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
    }

    private static void fresh(SqliteLocation location, String label, int points, Path goFile)
            throws InterruptedException {
        awaitGo(goFile);
        try (SqliteStore store = new SqliteStore(location, Clock.systemUTC(), TestFiles.SOURCE,
                MetricBuffering.UNBUFFERED)) {
            TrackedRun run = store.startRun(RunStart.of("fresh", "fresh-" + label));
            for (int i = 0; i < points; i++) {
                run.logMetric("loss", i, i);
            }
            run.end(RunStatus.FINISHED);
        }
    }

    private static void awaitGo(Path goFile) throws InterruptedException {
        for (int wait = 0; wait < 3000 && !Files.exists(goFile); wait++) {
            Thread.sleep(10);
        }
    }

    private static void endless(SqliteLocation location, Path artifact) {
        try (SqliteStore store = new SqliteStore(location, Clock.systemUTC(), TestFiles.SOURCE,
                MetricBuffering.UNBUFFERED)) {
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
}
