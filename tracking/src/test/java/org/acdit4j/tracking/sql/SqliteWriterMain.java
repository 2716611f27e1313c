package org.acdit4j.tracking.sql;

import java.nio.file.Path;
import java.time.Clock;

import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.support.TestFiles;
import org.acdit4j.tracking.support.WriterScenarios;

/**
 * A child process for the SQLite multi-process tests: {@code concurrent <database> ...} or
 * {@code endless <database> ...}, as {@link WriterScenarios} describes them, and
 * {@code fresh <database> <label> <points> <goFile>}: waits for the go file, then opens the database (which may not
 * exist yet), logs {@code points} values to a run of experiment "fresh" and ends it.
 */
public final class SqliteWriterMain {

    private SqliteWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        SqliteLocation location = new SqliteLocation(Path.of(args[1]));
        if (args[0].equals("fresh")) {
            WriterScenarios.awaitGo(Path.of(args[4]));
            fresh(location, args[2], Integer.parseInt(args[3]));
        } else {
            WriterScenarios.run(args, buffering -> new SqliteStore(location, Clock.systemUTC(), TestFiles.SOURCE,
                    buffering));
        }
    }

    private static void fresh(SqliteLocation location, String label, int points) {
        try (SqliteStore store = new SqliteStore(location, Clock.systemUTC(), TestFiles.SOURCE,
                MetricBuffering.UNBUFFERED)) {
            TrackedRun run = store.startRun(RunStart.of("fresh", "fresh-" + label));
            for (int i = 0; i < points; i++) {
                run.logMetric("loss", i, i);
            }
            run.end(RunStatus.FINISHED);
        }
    }
}
