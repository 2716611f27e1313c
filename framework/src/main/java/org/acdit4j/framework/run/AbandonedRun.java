package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.framework.tracking.Tracker;

/**
 * A run whose trainer process ended without recording how (killed for memory, aborted in native code, or an error
 * that escaped it): its folder still says PLANNED or RUNNING. The process that launched it records it as FAILED,
 * with the exit code, what that code means and the last lines of its log, in {@code run.json} and in the tracker.
 */
public final class AbandonedRun {

    /** How many lines of the end of {@code train.log} a failure keeps. */
    static final int LOG_LINES = 12;
    private static final int TAIL_BYTES = 16 * 1024;

    private AbandonedRun() {
    }

    /**
     * Records {@code plan}'s run as FAILED when its trainer exited with {@code exitCode} and left it unfinished, and
     * returns the record written; empty when the run recorded its own end or another process trains it now.
     */
    public static Optional<RunRecord> recordFailure(RunPlan plan, RunFolder folder, int exitCode, Tracker tracker,
                                                    String time) {
        Optional<RunLock> lock = RunLock.tryAcquire(folder);
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try (RunLock held = lock.get()) {
            RunRecord record = folder.record().orElseGet(() -> RunExecutor.planned(plan, time));
            if (record.status() != RunStatus.PLANNED && record.status() != RunStatus.RUNNING) {
                return Optional.empty();
            }
            String reason = "the run's process exited with code " + exitCode + " (" + meaning(exitCode)
                    + ") without recording its end";
            List<String> tail = tail(folder);
            String failure = tail.isEmpty() ? reason + "; train.log is empty"
                    : reason + "; last lines of train.log:\n" + String.join("\n", tail);
            RunRecord failed = record.withFailure(failure).withStatus(RunStatus.FAILED, time);
            folder.write(failed);
            if (record.trackerRunId() != null) {
                TrackedRun trackedRun = tracker.resumeRun(record.trackerRunId());
                trackedRun.setTags(Map.of("acdit.failure", failure, "acdit.exitCode", String.valueOf(exitCode)));
                trackedRun.end(RunStatus.FAILED);
            }
            return Optional.of(failed);
        }
    }

    /** What an exit code of a JVM says about how it ended (codes above 128 are a signal's number plus 128). */
    static String meaning(int exitCode) {
        return switch (exitCode) {
            case 137 -> "SIGKILL: the kernel's out-of-memory killer, a scheduler's memory limit or kill -9";
            case 134 -> "SIGABRT: an abort in native code, see hs_err_pid*.log in the working folder";
            case 139 -> "SIGSEGV: a crash in native code";
            case 143 -> "SIGTERM without the run's own checkpoint and stop";
            case 1 -> "an error the run did not catch, such as java.lang.OutOfMemoryError; see the log";
            default -> exitCode > 128 ? "signal " + (exitCode - 128) : "an unexpected exit";
        };
    }

    /** The last {@link #LOG_LINES} non-blank lines of the run's log. */
    static List<String> tail(RunFolder folder) {
        if (!folder.log().toFile().isFile()) {
            return List.of();
        }
        try (RandomAccessFile log = new RandomAccessFile(folder.log().toFile(), "r")) {
            long start = Math.max(0, log.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            List<String> lines = Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\n"))
                    .skip(start > 0 ? 1 : 0).map(String::stripTrailing).filter(line -> !line.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(train.log unreadable: " + e.getMessage() + ")");
        }
    }
}
