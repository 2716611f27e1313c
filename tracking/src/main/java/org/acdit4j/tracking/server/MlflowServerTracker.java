package org.acdit4j.tracking.server;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedExperiment;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.OpenRuns;
import org.acdit4j.tracking.RunSource;
import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.TrackingKeys;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.ExperimentsPage;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.RunsPage;
import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.util.JsonFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker for an MLflow tracking server, through {@code mlflow-client} 2.17.2 for experiments, runs,
 * params, metrics and tags, and through the server's artifact proxy for artifacts. Construction checks that the
 * server answers and accepts the credentials, so a wrong URI fails at start with one line; afterwards a server
 * that goes away never stops training (see {@link TrackedRun#undelivered()}).
 */
public final class MlflowServerTracker implements Tracker {

    private static final Logger LOG = LoggerFactory.getLogger(MlflowServerTracker.class);
    private static final int PAGE_SIZE = 1000;
    private static final int MAX_PAGES = 1000;

    private final ServerConnection server;
    private final RunSource source;
    private final OpenRuns<ServerRun> openRuns = new OpenRuns<>();

    /**
     * Connects to the server at {@code trackingUri} with credentials from {@code environment} and checks that
     * it answers.
     *
     * @throws TrackingException with one line naming the server (never a credential) when it does not answer
     *                           or rejects the credentials
     */
    public MlflowServerTracker(URI trackingUri, Map<String, String> environment, Clock clock, RunSource source,
                               ServerSettings settings) {
        ServerCredentials credentials = ServerCredentials.from(trackingUri, environment);
        MlflowClient client = new MlflowClient(credentials.hostCreds());
        BoundedCalls calls = new BoundedCalls(settings.callTimeout(), credentials);
        this.server = new ServerConnection(client, calls,
                new ArtifactUploader(credentials, settings.callTimeout(), settings.callTimeout().multipliedBy(4)),
                credentials, clock, settings);
        this.source = source;
        checkReachable();
    }

    @Override
    public String describe() {
        return "MLflow tracking server " + server.credentials();
    }

    @Override
    public TrackedRun startRun(RunStart start) {
        String experimentName = TrackingKeys.requireExperimentName(start.experimentName());
        String experimentId = experimentIdFor(experimentName);
        String runName = start.runName() == null || start.runName().isBlank() ? null : start.runName();
        Map<String, String> tags = source.tagsFor(runName == null ? "" : runName, start.parentRunId(), start.tags(),
                start.description());
        Service.CreateRun.Builder request = Service.CreateRun.newBuilder().setExperimentId(experimentId)
                .setUserId(source.user()).setStartTime(server.clock().millis());
        if (runName == null) {
            tags.remove(RunSource.RUN_NAME);
        } else {
            request.setRunName(runName);
        }
        tags.forEach((key, value) -> request.addTags(Service.RunTag.newBuilder().setKey(key).setValue(value)));
        Service.RunInfo info = call("creation of a run in experiment '" + experimentName + "'",
                () -> server.client().createRun(request.build()));
        LOG.info("Started run {} ({}) in experiment '{}' on {}", info.getRunName(), info.getRunId(), experimentName,
                server.credentials().host());
        return open(info, LoggedSteps.NONE);
    }

    @Override
    public TrackedRun resumeRun(String runId) {
        Service.Run run = call("lookup of run " + runId, () -> server.client().getRun(runId));
        String update = json(Service.UpdateRun.newBuilder().setRunId(runId).setStatus(Service.RunStatus.RUNNING).build());
        call("resumption of run " + runId, () -> server.client().sendPost("runs/update", update));
        LOG.info("Resumed run {} ({}) on {}", run.getInfo().getRunName(), runId, server.credentials().host());
        return open(run.getInfo(), loggedSteps(run));
    }

    @Override
    public List<TrackedExperiment> experiments() {
        List<TrackedExperiment> experiments = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pageToken = token;
            ExperimentsPage result = call("listing of experiments", () -> server.client().searchExperiments(
                    null, Service.ViewType.ACTIVE_ONLY, PAGE_SIZE, List.of(), pageToken));
            result.getItems().forEach(e -> experiments.add(new TrackedExperiment(e.getExperimentId(), e.getName())));
            token = result.getNextPageToken().filter(t -> !t.isEmpty()).orElse(null);
            if (token == null) {
                break;
            }
        }
        return experiments;
    }

    @Override
    public List<RunSummary> runs(String experimentId) {
        List<RunSummary> runs = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pageToken = token;
            RunsPage result = call("listing of runs of experiment " + experimentId, () -> server.client().searchRuns(
                    List.of(experimentId), null, Service.ViewType.ACTIVE_ONLY, PAGE_SIZE, List.of(), pageToken));
            result.getItems().forEach(run -> runs.add(summary(run)));
            token = result.getNextPageToken().filter(t -> !t.isEmpty()).orElse(null);
            if (token == null) {
                break;
            }
        }
        return runs;
    }

    @Override
    public void close() {
        openRuns.closeAfter(ServerRun::flushForClose, () -> {
            server.calls().close();
            server.client().close();
        });
    }

    private void checkReachable() {
        try {
            server.calls().call("connection check", () -> server.client().searchExperiments(
                    null, Service.ViewType.ACTIVE_ONLY, 1, List.of(), null));
        } catch (ServerCallException e) {
            server.calls().close();
            String hint = e.httpStatus() == 401 || e.httpStatus() == 403
                    ? "check " + ServerCredentials.USERNAME + "/" + ServerCredentials.PASSWORD + " or "
                    + ServerCredentials.TOKEN
                    : "start the server, or choose another tracking URI (--tracking-uri or MLFLOW_TRACKING_URI; "
                    + "a local path uses the embedded store)";
            throw new TrackingException("MLflow tracking server " + server.credentials().host()
                    + " is not usable (" + e.getMessage() + "); " + hint);
        }
    }

    private String experimentIdFor(String name) {
        Optional<Service.Experiment> existing = experimentNamed(name);
        if (existing.isEmpty()) {
            try {
                String id = server.calls().call("creation of experiment '" + name + "'",
                        () -> server.client().createExperiment(name));
                LOG.info("Created experiment '{}' ({}) on {}", name, id, server.credentials().host());
                return id;
            } catch (ServerCallException e) {
                if (!e.getMessage().contains("RESOURCE_ALREADY_EXISTS")) {
                    throw new TrackingException(e.getMessage(), e);
                }
                existing = experimentNamed(name);
            }
        }
        Service.Experiment experiment = existing.orElseThrow(() -> new TrackingException(
                "experiment '" + name + "' was reported as existing but cannot be found on " + server.credentials().host()));
        if (!"active".equals(experiment.getLifecycleStage())) {
            throw new TrackingException("experiment '" + name + "' is deleted on " + server.credentials().host()
                    + "; restore it or choose another name");
        }
        return experiment.getExperimentId();
    }

    /**
     * The experiment named {@code name}, found by a search so that a missing one is an empty answer rather than a 404
     * (which the client logs as "Rate limit exceeded" and retries). A name holding a single quote cannot be written
     * in the search filter and is looked up by name instead.
     */
    private Optional<Service.Experiment> experimentNamed(String name) {
        String what = "lookup of experiment '" + name + "'";
        if (name.contains("'")) {
            return call(what, () -> server.client().getExperimentByName(name));
        }
        ExperimentsPage found = call(what, () -> server.client().searchExperiments("name = '" + name + "'",
                Service.ViewType.ALL, 2, List.of(), null));
        return found.getItems().stream().filter(experiment -> experiment.getName().equals(name)).findFirst();
    }

    /** The largest step of each metric the server holds for {@code run} (its latest metrics carry it). */
    private static LoggedSteps loggedSteps(Service.Run run) {
        Map<String, Long> lastSteps = new TreeMap<>();
        for (Service.Metric metric : run.getData().getMetricsList()) {
            lastSteps.merge(metric.getKey(), metric.getStep(), Math::max);
        }
        return new LoggedSteps(lastSteps);
    }

    private ServerRun open(Service.RunInfo info, LoggedSteps logged) {
        return openRuns.add(new ServerRun(server, info, logged, openRuns::remove));
    }

    private <T> T call(String what, java.util.concurrent.Callable<T> call) {
        try {
            return server.calls().call(what, call);
        } catch (ServerCallException e) {
            throw new TrackingException(e.getMessage(), e);
        }
    }

    private static RunSummary summary(Service.Run run) {
        Map<String, String> tags = new java.util.HashMap<>();
        run.getData().getTagsList().forEach(t -> tags.put(t.getKey(), t.getValue()));
        Map<String, String> params = new java.util.TreeMap<>();
        run.getData().getParamsList().forEach(p -> params.put(p.getKey(), p.getValue()));
        Map<String, Double> metrics = new java.util.TreeMap<>();
        run.getData().getMetricsList().forEach(m -> metrics.put(m.getKey(), m.getValue()));
        String name = run.getInfo().getRunName().isEmpty() ? tags.getOrDefault(RunSource.RUN_NAME, "")
                : run.getInfo().getRunName();
        long latestStep = run.getData().getMetricsList().stream().mapToLong(Service.Metric::getStep).max().orElse(0);
        return new RunSummary(run.getInfo().getRunId(), name, RunStatus.fromMlflowName(run.getInfo().getStatus().name()),
                tags.get(RunSource.PARENT_RUN_ID), params, tags, metrics, latestStep);
    }

    private static String json(Service.UpdateRun update) {
        try {
            return JsonFormat.printer().print(update);
        } catch (InvalidProtocolBufferException e) {
            throw new TrackingException("cannot encode a runs/update request: " + e.getMessage(), e);
        }
    }
}
