package org.acdit4j.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.server.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every store acdit4j will not write is refused in one line before anything is created, and left as it was; a
 * command that only reads finds no store where there is none and creates none.
 */
class StoreProblemsTest {

    @TempDir
    Path temp;

    private TrackerSelection selection() {
        return new TrackerSelection(Map.of(), temp, Clock.systemUTC(), MetricBuffering.defaults(), ServerSettings.defaults());
    }

    @Test
    void aFolderWhereTheDatabaseBelongsIsRefusedAndNothingIsCreated() throws Exception {
        Files.createDirectories(temp.resolve("runs.db"));
        assertThatThrownBy(() -> selection().requireUsable("sqlite:///runs.db")).isInstanceOf(UnusableStoreException.class)
                .hasMessage("tracking database " + temp.resolve("runs.db") + " is a folder; name a database file, for "
                        + "example " + temp.resolve("runs.db/mlflow.db"));
        assertThatThrownBy(() -> selection().open("sqlite:///runs.db")).isInstanceOf(UnusableStoreException.class);
        assertThat(temp.resolve("mlartifacts")).doesNotExist();
        try (var entries = Files.list(temp.resolve("runs.db"))) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftByteIdentical() throws Exception {
        Path notes = Files.writeString(temp.resolve("notes.db"), "these are my notes, not a database\n");
        byte[] before = Files.readAllBytes(notes);
        assertThatThrownBy(() -> selection().open("sqlite:///notes.db")).isInstanceOf(UnusableStoreException.class)
                .hasMessage("tracking database " + notes + " is not a SQLite database (it does not start with SQLite's "
                        + "header); name another file for --tracking-uri");
        assertThat(Files.readAllBytes(notes)).isEqualTo(before);
        try (var entries = Files.list(temp)) {
            assertThat(entries).containsExactly(notes);
        }
    }

    @Test
    void aPathWhereNothingCanBeCreatedIsRefusedAtOnce() {
        assertThatThrownBy(() -> selection().requireUsable("sqlite:////proc/acdit4j/mlflow.db"))
                .isInstanceOf(UnusableStoreException.class)
                .hasMessageStartingWith("artifact folder /proc/acdit4j/mlartifacts cannot be created: nothing can be "
                        + "created in /proc").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> selection().requireUsable("/proc/acdit4j/mlruns"))
                .isInstanceOf(UnusableStoreException.class)
                .hasMessageStartingWith("tracking store /proc/acdit4j/mlruns cannot be created: nothing can be created "
                        + "in /proc");
        assertThat(Path.of("/proc/acdit4j")).doesNotExist();
    }

    @Test
    void readingAStoreThatIsNotThereFailsAndCreatesNothing() throws Exception {
        assertThatThrownBy(() -> selection().openForReading("sqlite:///typo.db")).isInstanceOf(UnusableStoreException.class)
                .hasMessage("no MLflow database at " + temp.resolve("typo.db") + ": nothing was tracked there; check "
                        + "--tracking-uri or MLFLOW_TRACKING_URI (the default is sqlite:///mlflow.db)");
        assertThatThrownBy(() -> selection().openForReading("mlrunz")).isInstanceOf(UnusableStoreException.class)
                .hasMessageStartingWith("no MLflow file store at " + temp.resolve("mlrunz"));
        assertThatThrownBy(() -> selection().openForReading(null)).isInstanceOf(UnusableStoreException.class)
                .hasMessageStartingWith("no MLflow database at " + temp.resolve("mlflow.db"));
        try (var entries = Files.list(temp)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void runsNotHeldNamesTheRunsAStoreLacksWithoutCreatingIt() {
        String runId;
        try (Tracker tracker = selection().open("mlruns")) {
            TrackedRun run = tracker.startRun(RunStart.of("switch", "kept"));
            run.end(RunStatus.FINISHED);
            runId = run.runId();
        }
        assertThat(selection().runsNotHeld("mlruns", List.of(runId, "0123456789abcdef0123456789abcdef")))
                .containsExactly("0123456789abcdef0123456789abcdef");
        assertThat(selection().runsNotHeld(null, List.of(runId))).containsExactly(runId);
        assertThat(temp.resolve("mlflow.db")).doesNotExist();
        try (Tracker tracker = selection().open(null)) {
            TrackedRun run = tracker.startRun(RunStart.of("switch", "in-sqlite"));
            run.end(RunStatus.FINISHED);
            assertThat(selection().runsNotHeld(null, List.of(run.runId(), runId))).containsExactly(runId);
        }
    }
}
