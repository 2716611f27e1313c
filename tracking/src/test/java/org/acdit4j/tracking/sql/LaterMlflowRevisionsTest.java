package org.acdit4j.tracking.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * acdit4j keeps writing after {@code mlflow db upgrade}: for each later revision it accepts, a database it created
 * is migrated to that revision by the migrations' statements (test resource {@value #MIGRATIONS}, written from
 * MLflow's migration files), stamped, and then written and read again by the store: a resumed run and a new child
 * run with params, tags and metric histories, foreign keys intact.
 */
class LaterMlflowRevisionsTest {

    private static final String MIGRATIONS = "mlflow-migrations-after-f5a4f2784254.sql";
    private static final Pattern SECTION = Pattern.compile("^-- revision: (\\w+)$", Pattern.MULTILINE);

    @TempDir
    Path temp;

    static Stream<MlflowRevision> laterRevisions() {
        return Arrays.stream(MlflowRevision.values()).skip(1);
    }

    @Test
    void theMigrationsInTheTestAreTheAcceptedRevisionsInChainOrder() throws IOException {
        assertThat(migrations().keySet()).containsExactlyElementsOf(
                laterRevisions().map(MlflowRevision::id).toList());
    }

    @ParameterizedTest
    @MethodSource("laterRevisions")
    void aDatabaseMigratedToTheRevisionIsWrittenAndReadAgain(MlflowRevision revision) throws Exception {
        SqliteLocation location = new SqliteLocation(temp.resolve("mlflow.db"));
        String firstRun;
        try (SqliteStore store = store(location)) {
            TrackedRun run = store.startRun(RunStart.of("upgraded", "before-upgrade"));
            run.logMetric("train.loss", 0.5, 1);
            firstRun = run.runId();
            run.end(RunStatus.KILLED);
        }
        migrateTo(location.database(), revision);

        SqliteStoreStatus status = SqliteStoreStatus.inspect(location);
        assertThat(status.state()).isEqualTo(SqliteStoreState.READY);
        assertThat(status.revision()).isEqualTo(revision);
        assertThat(status.schema()).startsWith(revision.id() + " (" + revision.change() + "; acdit4j writes it)");

        try (SqliteStore store = store(location)) {
            TrackedRun resumed = store.resumeRun(firstRun);
            assertThat(resumed.loggedSteps().lastStepByKey()).containsEntry("train.loss", 1L);
            resumed.logMetric("train.loss", 0.25, 2);
            resumed.end(RunStatus.FINISHED);
            TrackedRun child = store.startRun(new RunStart("upgraded", "after-upgrade", firstRun,
                    Map.of("acdit.index", "1"), "written after " + revision.id()));
            child.logParams(Map.of("model.blockSize", "4"));
            child.logMetric("fid", 12.5, 3);
            child.end(RunStatus.FINISHED);
        }
        try (SqliteStore reader = SqliteStore.openForReading(location, Clock.systemUTC(), TestFiles.SOURCE,
                MetricBuffering.defaults())) {
            String experimentId = reader.experiments().stream().filter(e -> e.name().equals("upgraded"))
                    .findFirst().orElseThrow().id();
            List<RunSummary> runs = reader.runs(experimentId);
            assertThat(runs).extracting(RunSummary::runName).containsExactlyInAnyOrder("before-upgrade", "after-upgrade");
            RunSummary child = runs.stream().filter(r -> r.runName().equals("after-upgrade")).findFirst().orElseThrow();
            assertThat(child.parentRunId()).isEqualTo(firstRun);
            assertThat(child.params()).containsEntry("model.blockSize", "4");
            assertThat(child.latestMetrics()).containsEntry("fid", 12.5);
            assertThat(runs.stream().filter(r -> r.runName().equals("before-upgrade")).findFirst().orElseThrow()
                    .latestMetrics()).containsEntry("train.loss", 0.25);
        }
        assertThat(SqliteFiles.rows(location.database(), "SELECT version_num FROM alembic_version"))
                .containsExactly(List.of(revision.id()));
        assertThat(SqliteFiles.rows(location.database(), "SELECT COUNT(*) FROM metrics"))
                .containsExactly(List.of("3"));
        assertThat(SqliteFiles.rows(location.database(), "PRAGMA foreign_key_check")).isEmpty();
        assertThat(SqliteFiles.rows(location.database(), "PRAGMA integrity_check")).containsExactly(List.of("ok"));
    }

    private static SqliteStore store(SqliteLocation location) {
        return new SqliteStore(location, Clock.systemUTC(), TestFiles.SOURCE, MetricBuffering.defaults());
    }

    /** Applies every migration of the chain up to {@code target} and stamps it, as {@code mlflow db upgrade} does. */
    private static void migrateTo(Path database, MlflowRevision target) throws Exception {
        try (Connection c = SqliteFiles.open(database); Statement statement = c.createStatement()) {
            for (Map.Entry<String, List<String>> migration : migrations().entrySet()) {
                for (String ddl : migration.getValue()) {
                    statement.execute(ddl);
                }
                statement.execute("UPDATE alembic_version SET version_num = '" + migration.getKey() + "'");
                if (migration.getKey().equals(target.id())) {
                    return;
                }
            }
        }
        throw new AssertionError("no migration to " + target.id() + " in " + MIGRATIONS);
    }

    /** The statements of each revision's migration, in the resource's order. */
    private static Map<String, List<String>> migrations() throws IOException {
        String text;
        try (InputStream in = LaterMlflowRevisionsTest.class.getResourceAsStream(MIGRATIONS)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> byRevision = new LinkedHashMap<>();
        var headers = SECTION.matcher(text);
        List<String> ids = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        while (headers.find()) {
            ids.add(headers.group(1));
            ends.add(headers.start());
            starts.add(headers.end());
        }
        ends.add(text.length());
        for (int i = 0; i < ids.size(); i++) {
            String body = text.substring(starts.get(i), ends.get(i + 1));
            byRevision.put(ids.get(i), Arrays.stream(body.split(";\\s*\\n")).map(String::strip)
                    .filter(statement -> !statement.isEmpty()).toList());
        }
        return byRevision;
    }
}
