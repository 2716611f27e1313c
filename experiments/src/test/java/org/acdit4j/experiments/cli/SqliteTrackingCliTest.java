package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.RunSource;
import org.acdit4j.tracking.sql.SqliteLocation;
import org.acdit4j.tracking.sql.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acdit runs} and {@code acdit doctor} on an MLflow SQLite store given as {@code --tracking-uri sqlite:}. */
class SqliteTrackingCliTest {

    @TempDir
    Path work;

    @Test
    void runsListsParentAndChildRunsWithTheirLatestMetricsFromTheDatabase() throws Exception {
        Path database = work.resolve("mlflow.db");
        Path grid = Files.writeString(work.resolve("grid.txt"), "samples");
        String childId;
        try (SqliteStore store = new SqliteStore(new SqliteLocation(database), Clock.systemUTC(),
                new RunSource("alice", "test", null), MetricBuffering.defaults())) {
            TrackedRun sweep = store.startRun(RunStart.of("block-size-tradeoff", "sweep"));
            TrackedRun child = store.startRun(new RunStart("block-size-tradeoff", "block16-seed0", sweep.runId(),
                    Map.of(), null));
            childId = child.runId();
            for (int step = 1; step <= 3; step++) {
                child.logMetric("train.loss", 1.0 / step, step * 100L);
            }
            child.logArtifact(grid, "samples");
            child.end(RunStatus.FINISHED);
            sweep.end(RunStatus.FINISHED);
        }

        InProcessCli.Result result = acdit("runs", "--tracking-uri", "sqlite:///" + database);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("MLflow SQLite store " + database)
                .contains("experiment block-size-tradeoff (id 1), 2 runs")
                .containsPattern("\\n  sweep sweep  FINISHED  \\w{8}  1 run, 1 finished\\n"
                        + "    run\\s+status\\s+step\\s+id\\s+train\\.loss\\n"
                        + "    block16-seed0\\s+FINISHED\\s+300  " + childId.substring(0, 8) + "\\s+0\\.3333\\n");
        assertThat(work.resolve("mlartifacts/1/" + childId + "/artifacts/samples/grid.txt")).hasContent("samples");
    }

    @Test
    void doctorShowsTheDatabaseItsSchemaRevisionAndTheArtifactFolder() throws Exception {
        Path database = work.resolve("mlflow.db");
        new SqliteStore(new SqliteLocation(database), Clock.systemUTC(), new RunSource("alice", "test", null),
                MetricBuffering.defaults()).close();

        InProcessCli.Result fine = acdit("doctor", "--tracking-uri", "sqlite:///" + database);
        assertThat(fine.exitCode()).isZero();
        assertThat(fine.out()).containsPattern("database\\s+" + database + "\\n")
                .containsPattern("schema\\s+f5a4f2784254 \\(tags.value up to 8000 characters; the revision acdit4j "
                        + "creates; acdit4j writes it\\), 1 experiments, 0 runs\\n")
                .containsPattern("acdit4j writes it\\s+yes\\n")
                .containsPattern("artifacts\\s+" + work.resolve("mlartifacts") + "\\n");

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE alembic_version SET version_num = '0584bdc529eb'");
        }
        InProcessCli.Result upgraded = acdit("doctor", "--tracking-uri", "sqlite:///" + database);
        assertThat(upgraded.out()).containsPattern("schema\\s+0584bdc529eb \\(rebuilds datasets with ON DELETE "
                + "CASCADE on its experiments foreign key; acdit4j writes it\\)").containsPattern("acdit4j writes it\\s+yes");

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE alembic_version SET version_num = 'abcdef123456'");
        }
        InProcessCli.Result newer = acdit("doctor", "--tracking-uri", "sqlite:///" + database);
        assertThat(newer.exitCode()).isZero();
        assertThat(newer.out()).containsPattern("schema\\s+database " + database + " has MLflow schema revision "
                + "abcdef123456, newer than or unknown to acdit4j, which writes f5a4f2784254 \\(MLflow 2\\.17\\) and "
                + "the later revisions up to c9d4e5f6a7b8").containsPattern("acdit4j writes it\\s+no\\n");
    }
}
