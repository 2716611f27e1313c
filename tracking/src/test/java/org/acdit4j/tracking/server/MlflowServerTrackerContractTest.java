package org.acdit4j.tracking.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.support.MutableClock;
import org.acdit4j.tracking.support.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;

class MlflowServerTrackerContractTest {

    /** Calls time out after 30 s: no test waits for a timeout, and a loaded 2-core machine once took over 5 s. */
    private static final ServerSettings SETTINGS = new ServerSettings(Duration.ofSeconds(30),
            new MetricBuffering(100, Duration.ofHours(1)), Duration.ofSeconds(1), Duration.ofSeconds(8), 10_000);

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private FakeMlflowServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            assertThat(server.parseErrors()).isEmpty();
            server.close();
        }
    }

    private MlflowServerTracker tracker(Map<String, String> environment) {
        return new MlflowServerTracker(server.uri(), environment, clock, TestFiles.SOURCE, SETTINGS);
    }

    @Test
    void startRunLooksTheExperimentUpByNameCreatesItOnceAndSendsSystemTags() throws Exception {
        server = new FakeMlflowServer(null);
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            TrackedRun parent = tracker.startRun(new RunStart("sweep-exp", "sweep", null, Map.of("k", "v"), "notes"));
            TrackedRun child = tracker.startRun(new RunStart("sweep-exp", "block4", parent.runId(), Map.of(), null));

            assertThat(server.requests("experiments/create")).hasSize(1);
            assertThat(((Service.CreateExperiment) server.requests("experiments/create").get(0).body()).getName())
                    .isEqualTo("sweep-exp");
            assertThat(server.requests("experiments/get-by-name")).isEmpty();
            assertThat(server.requests("experiments/search")).extracting(r -> ((Service.SearchExperiments) r.body())
                    .getFilter()).contains("name = 'sweep-exp'");
            List<FakeMlflowServer.Request> creates = server.requests("runs/create");
            assertThat(creates).hasSize(2);
            Service.CreateRun first = (Service.CreateRun) creates.get(0).body();
            assertThat(first.getRunName()).isEqualTo("sweep");
            assertThat(first.getStartTime()).isEqualTo(1_700_000_000_000L);
            assertThat(first.getUserId()).isEqualTo("alice");
            assertThat(tags(first.getTagsList())).containsEntry("mlflow.runName", "sweep")
                    .containsEntry("mlflow.user", "alice").containsEntry("mlflow.source.type", "LOCAL")
                    .containsEntry("mlflow.source.name", "org.acdit4j.Main")
                    .containsEntry("mlflow.source.git.commit", TestFiles.SOURCE.git().commit())
                    .containsEntry("mlflow.source.git.branch", "main")
                    .containsEntry("mlflow.source.git.repoURL", "https://example.org/acdit4j.git")
                    .containsEntry("mlflow.note.content", "notes").containsEntry("k", "v")
                    .doesNotContainKey("mlflow.parentRunId");
            Service.CreateRun second = (Service.CreateRun) creates.get(1).body();
            assertThat(second.getExperimentId()).isEqualTo(first.getExperimentId()).isEqualTo(child.experimentId());
            assertThat(tags(second.getTagsList())).containsEntry("mlflow.parentRunId", parent.runId());
        }
    }

    @Test
    void existingExperimentIsUsedWithoutCreatingIt() throws Exception {
        server = new FakeMlflowServer(null);
        server.addExperiment("42", "known");
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            assertThat(tracker.startRun(RunStart.of("known", "r")).experimentId()).isEqualTo("42");
        }
        assertThat(server.requests("experiments/create")).isEmpty();
        assertThat(server.requests("experiments/get-by-name")).isEmpty();
    }

    @Test
    void aMissingExperimentIsFoundMissingWithoutA404OrARateLimitWarning() throws Exception {
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test-tracking.log"));
        long logged = Files.exists(log) ? Files.size(log) : 0;
        server = new FakeMlflowServer(null);
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            assertThat(tracker.startRun(RunStart.of("brand-new", "r")).experimentId()).isNotEmpty();
        }
        assertThat(server.requests("experiments/create")).hasSize(1);
        assertThat(server.requests("experiments/get-by-name")).isEmpty();
        String written;
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(logged);
            written = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(written).contains("Created experiment 'brand-new'").doesNotContain("Rate limit exceeded")
                .doesNotContainPattern("\\b404\\b");
    }

    @Test
    void aNameWithAQuoteIsLookedUpByName() throws Exception {
        server = new FakeMlflowServer(null);
        server.addExperiment("7", "alice's runs");
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            assertThat(tracker.startRun(RunStart.of("alice's runs", "r")).experimentId()).isEqualTo("7");
        }
        assertThat(server.requests("experiments/get-by-name")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("experiment_name=alice%27s+runs"));
    }

    @Test
    void experimentCreatedConcurrentlyElsewhereIsLookedUpAfterResourceAlreadyExists() throws Exception {
        server = new FakeMlflowServer(null);
        server.raceExperimentCreation();
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            assertThat(tracker.startRun(RunStart.of("raced", "r")).experimentId()).isEqualTo("777");
        }
        assertThat(server.requests("experiments/create")).hasSizeBetween(1, 3);
    }

    @Test
    void logBatchIsChunkedWithinTheServerLimitsAndLosesNothing() throws Exception {
        server = new FakeMlflowServer(null);
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            TrackedRun run = tracker.startRun(RunStart.of("e", "big"));
            Map<String, String> params = new HashMap<>();
            IntStream.range(0, 250).forEach(i -> params.put("p" + i, "v" + i));
            Map<String, String> tags = new HashMap<>();
            IntStream.range(0, 150).forEach(i -> tags.put("t" + i, "w" + i));
            run.logParams(params);
            run.setTags(tags);
            for (int step = 0; step < 2500; step++) {
                run.logMetric("loss", step, step);
            }
            run.end(RunStatus.FINISHED);
            assertThat(run.undelivered()).isEmpty();

            List<Service.LogBatch> batches = server.requests("runs/log-batch").stream()
                    .map(r -> (Service.LogBatch) r.body()).toList();
            assertThat(batches).allSatisfy(b -> {
                assertThat(b.getParamsCount()).isLessThanOrEqualTo(100);
                assertThat(b.getTagsCount()).isLessThanOrEqualTo(100);
                assertThat(b.getMetricsCount()).isLessThanOrEqualTo(1000);
                assertThat(b.getParamsCount() + b.getTagsCount() + b.getMetricsCount()).isLessThanOrEqualTo(1000);
            });
            Service.Run stored = server.run(run.runId());
            assertThat(stored.getData().getParamsList()).hasSize(250);
            assertThat(stored.getData().getMetricsList()).extracting(Service.Metric::getStep)
                    .containsExactlyElementsOf(IntStream.range(0, 2500).mapToObj(i -> (long) i).toList());
            assertThat(tags(stored.getData().getTagsList())).containsAllEntriesOf(tags);
            assertThat(stored.getInfo().getStatus()).isEqualTo(Service.RunStatus.FINISHED);
            Service.UpdateRun end = (Service.UpdateRun) server.requests("runs/update").get(0).body();
            assertThat(end.getEndTime()).isEqualTo(1_700_000_000_000L);
        }
    }

    @Test
    void artifactsArePutToTheArtifactProxyWithTheirBytes() throws Exception {
        server = new FakeMlflowServer(null);
        Path png = TestFiles.png(temp, "grid 1.png");
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            TrackedRun run = tracker.startRun(RunStart.of("e", "art"));
            run.logArtifact(png, "samples/step 10");
            run.end(RunStatus.FINISHED);
            assertThat(run.undelivered()).isEmpty();
            String key = run.experimentId() + "/" + run.runId() + "/artifacts/samples/step 10/grid 1.png";
            assertThat(server.artifacts()).containsOnlyKeys(key);
            assertThat(server.artifacts().get(key)).isEqualTo(Files.readAllBytes(png));
            assertThat(server.requests()).filteredOn(r -> r.method().equals("PUT")).singleElement()
                    .satisfies(r -> assertThat(r.path()).isEqualTo("/api/2.0/mlflow-artifacts/artifacts/" + key));
            assertThatThrownBy(() -> tracker.startRun(RunStart.of("e", "x")).logArtifact(png, "../escape"))
                    .isInstanceOf(TrackingException.class).hasMessageContaining("'../escape'");
        }
    }

    @Test
    void basicCredentialsFromTheEnvironmentAreSentOnEveryRequestAndNeverShown() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        String expected = "Basic " + Base64.getEncoder().encodeToString(("bob:" + password)
                .getBytes(StandardCharsets.UTF_8));
        server = new FakeMlflowServer(expected);
        Path png = TestFiles.png(temp, "a.png");
        try (MlflowServerTracker tracker = tracker(Map.of(ServerCredentials.USERNAME, "bob",
                ServerCredentials.PASSWORD, password))) {
            TrackedRun run = tracker.startRun(RunStart.of("e", "auth"));
            run.logMetric("m", 1, 0);
            run.logArtifact(png, "");
            run.end(RunStatus.FINISHED);
            assertThat(tracker.describe()).contains(server.uri().toString()).doesNotContain(password, "bob");
        }
        assertThat(server.requests()).hasSizeGreaterThan(4)
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo(expected));
        assertNoLeak(password, expected.substring(6));
    }

    @Test
    void bearerTokenIsSentWhenNoUsernameIsSet() throws Exception {
        String token = "tok-" + UUID.randomUUID();
        server = new FakeMlflowServer("Bearer " + token);
        Path csv = TestFiles.csv(temp, "s.csv");
        try (MlflowServerTracker tracker = tracker(Map.of(ServerCredentials.TOKEN, token))) {
            TrackedRun run = tracker.startRun(RunStart.of("e", "tok"));
            run.logArtifact(csv, "tables");
            run.end(RunStatus.FINISHED);
            assertThat(run.undelivered()).isEmpty();
        }
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));
        assertNoLeak(token);
    }

    @Test
    void wrongCredentialsFailAtStartWithOneLineWithoutTheSecret() throws Exception {
        server = new FakeMlflowServer("Bearer right");
        String token = "wrong-" + UUID.randomUUID();
        assertThatThrownBy(() -> tracker(Map.of(ServerCredentials.TOKEN, token)))
                .isInstanceOf(TrackingException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining(ServerCredentials.TOKEN)
                .hasMessageNotContaining(token).hasMessageNotContaining("\n");
    }

    @Test
    void unreachableServerFailsAtStartWithOneLineNamingItWithoutUserInfo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI uri = URI.create("http://bob:hunter2@127.0.0.1:" + port);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new MlflowServerTracker(uri, Map.of(), clock, TestFiles.SOURCE, SETTINGS))
                .isInstanceOf(TrackingException.class)
                .hasMessageStartingWith("MLflow tracking server http://127.0.0.1:" + port + " is not usable")
                .hasMessageContaining("MLFLOW_TRACKING_URI")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("bob").hasMessageNotContaining("\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void serverErrorsMidRunKeepMetricsBufferedAndDeliverThemOnceItRecovers() throws Exception {
        server = new FakeMlflowServer(null);
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            TrackedRun run = tracker.startRun(RunStart.of("e", "flaky"));
            server.failNext(3, 503);
            for (int step = 0; step < 100; step++) {
                run.logMetric("loss", step, step);
            }
            assertThat(run.undelivered()).singleElement().asString()
                    .startsWith("100 metric points of loss (steps 0..99) not sent").contains("HTTP 503");
            int requestsDuringOutage = server.requests("runs/log-batch").size();
            for (int step = 100; step < 300; step++) {
                run.logMetric("loss", step, step);
            }
            assertThat(server.requests("runs/log-batch")).hasSize(requestsDuringOutage);
            clock.advance(Duration.ofSeconds(2));
            run.logMetric("loss", 300, 300);
            assertThat(run.undelivered()).isEmpty();
            run.end(RunStatus.FINISHED);
            assertThat(server.run(run.runId()).getData().getMetricsList()).extracting(Service.Metric::getStep)
                    .containsExactlyElementsOf(IntStream.rangeClosed(0, 300).mapToObj(i -> (long) i).toList());
        }
    }

    @Test
    void serverGoneMidRunDoesNotStopTrainingAndNamesWhatWasNotSent() throws Exception {
        server = new FakeMlflowServer(null);
        Path png = TestFiles.png(temp, "late.png");
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            TrackedRun run = tracker.startRun(RunStart.of("e", "orphan"));
            run.logParams(Map.of("lr", "0.1"));
            run.logMetric("loss", 1, 0);
            run.flush();
            server.close();
            long start = System.nanoTime();
            for (int step = 1; step <= 250; step++) {
                run.logMetric("loss", 1.0 / step, step);
                clock.advance(Duration.ofMillis(100));
            }
            run.logParams(Map.of("late", "yes"));
            run.logArtifact(png, "samples");
            run.end(RunStatus.FINISHED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(run.undelivered()).anySatisfy(line -> assertThat(line)
                            .startsWith("250 metric points of loss (steps 1..250) not sent"))
                    .anySatisfy(line -> assertThat(line).startsWith("params late not sent"))
                    .anySatisfy(line -> assertThat(line).startsWith("artifact 'samples/late.png'"))
                    .anySatisfy(line -> assertThat(line).startsWith("end status FINISHED not recorded"));
            server = null;
        }
    }

    @Test
    void paramChangeRejectedByTheServerIsReportedAndNotRetried() throws Exception {
        server = new FakeMlflowServer(null);
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            TrackedRun run = tracker.startRun(RunStart.of("e", "immutable"));
            run.logParams(Map.of("lr", "0.1"));
            run.logParams(Map.of("lr", "0.2"));
            int batches = server.requests("runs/log-batch").size();
            run.flush();
            assertThat(server.requests("runs/log-batch")).hasSize(batches);
            assertThat(run.undelivered()).singleElement().asString().contains("params lr")
                    .contains("rejected by the server").contains("HTTP 400");
        }
    }

    @Test
    void resumeMarksTheRunRunningAndRunsAreListedWithParentsAndLatestMetrics() throws Exception {
        server = new FakeMlflowServer(null);
        try (MlflowServerTracker tracker = tracker(Map.of())) {
            TrackedRun parent = tracker.startRun(RunStart.of("e", "sweep"));
            TrackedRun child = tracker.startRun(new RunStart("e", "child", parent.runId(), Map.of(), null));
            child.logMetric("fid", 13.5, 2);
            child.logMetric("fid", 12.5, 3);
            child.logMetric("loss", 0.5, 7);
            child.end(RunStatus.KILLED);
            TrackedRun resumed = tracker.resumeRun(child.runId());
            assertThat(resumed.experimentId()).isEqualTo(child.experimentId());
            assertThat(child.loggedSteps()).isEqualTo(LoggedSteps.NONE);
            assertThat(resumed.loggedSteps()).isEqualTo(new LoggedSteps(Map.of("fid", 3L, "loss", 7L)));
            Service.UpdateRun update = (Service.UpdateRun) server.requests("runs/update").get(1).body();
            assertThat(update.getStatus()).isEqualTo(Service.RunStatus.RUNNING);
            assertThat(update.hasEndTime()).isFalse();

            List<RunSummary> runs = tracker.runs(child.experimentId());
            assertThat(runs).extracting(RunSummary::runName).containsExactly("sweep", "child");
            assertThat(runs.get(1).parentRunId()).isEqualTo(parent.runId());
            assertThat(runs.get(1).status()).isEqualTo(RunStatus.RUNNING);
            assertThat(runs.get(1).latestMetrics()).containsEntry("fid", 12.5);
            assertThat(runs.get(1).latestStep()).isEqualTo(7);
            assertThat(tracker.experiments()).extracting(e -> e.name()).contains("Default", "e");
        }
    }

    private static Map<String, String> tags(List<Service.RunTag> tags) {
        Map<String, String> map = new HashMap<>();
        tags.forEach(t -> map.put(t.getKey(), t.getValue()));
        return map;
    }

    private static void assertNoLeak(String... secrets) throws Exception {
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test-tracking.log"));
        assertThat(log).exists();
        String text = Files.readString(log);
        assertThat(text).contains("mlflow");
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
    }
}
