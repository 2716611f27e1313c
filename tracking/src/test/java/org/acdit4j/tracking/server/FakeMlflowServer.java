package org.acdit4j.tracking.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.mlflow.api.proto.Service;
import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.Message;
import org.mlflow_project.google.protobuf.util.JsonFormat;

/**
 * An in-process MLflow tracking server on 127.0.0.1 for contract tests. It parses every request body with the
 * client jar's own protobuf messages (unknown fields are an error), enforces the server's log-batch limits,
 * keeps experiments, runs and artifacts in memory, checks the {@code Authorization} header when one is
 * expected, and can fail the next requests with a chosen status.
 */
final class FakeMlflowServer implements AutoCloseable {

    /** One received request. */
    record Request(String method, String path, String query, String authorization, Message body) {

        String endpoint() {
            return path.replaceFirst("^/api/2.0/mlflow/", "");
        }
    }

    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
    private static final String API = "/api/2.0/mlflow/";
    private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";

    private final HttpServer http;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Service.Experiment> experiments = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Service.Run.Builder> runs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, byte[]> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> parseErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    private final String expectedAuthorization;
    private volatile int failureStatus = 503;
    private volatile boolean racingExperimentCreation;

    FakeMlflowServer(String expectedAuthorization) throws IOException {
        this.expectedAuthorization = expectedAuthorization;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.createContext("/", this::handle);
        http.start();
        experiments.put("0", experiment("0", "Default"));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> requests(String endpoint) {
        return requests().stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    }

    /** Request bodies the protobuf parser rejected. */
    List<String> parseErrors() {
        synchronized (parseErrors) {
            return List.copyOf(parseErrors);
        }
    }

    Service.Run run(String runId) {
        return runs.get(runId).build();
    }

    Map<String, byte[]> artifacts() {
        return Map.copyOf(artifacts);
    }

    void addExperiment(String id, String name) {
        experiments.put(id, experiment(id, name));
    }

    /** Answers the next {@code count} requests with {@code status}. */
    void failNext(int count, int status) {
        failureStatus = status;
        failures.set(count);
    }

    /** Makes experiments/create answer RESOURCE_ALREADY_EXISTS after creating the experiment "elsewhere". */
    void raceExperimentCreation() {
        racingExperimentCreation = true;
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (path.startsWith(ARTIFACTS)) {
                requests.add(new Request(exchange.getRequestMethod(), path, null, authorization, null));
                if (rejected(exchange, authorization)) {
                    return;
                }
                artifact(exchange, path.substring(ARTIFACTS.length()), body);
                return;
            }
            String endpoint = path.startsWith(API) ? path.substring(API.length()) : path;
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Message.Builder request = requestBuilder(endpoint);
            if (request != null && body.length > 0) {
                try {
                    PARSER.merge(new String(body, StandardCharsets.UTF_8), request);
                } catch (InvalidProtocolBufferException e) {
                    parseErrors.add(endpoint + ": " + e.getMessage());
                    send(exchange, 400, error("MALFORMED_REQUEST", e.getMessage()));
                    return;
                }
            }
            requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    authorization, request == null ? null : request.build()));
            if (rejected(exchange, authorization)) {
                return;
            }
            answer(exchange, endpoint, request, query);
        }
    }

    private boolean rejected(HttpExchange exchange, String authorization) throws IOException {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, failureStatus, error("INTERNAL_ERROR", "failing on purpose"));
            return true;
        }
        if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
            send(exchange, 401, error("UNAUTHENTICATED", "bad credentials"));
            return true;
        }
        return false;
    }

    /** The experiments a search filter selects: every one, or those named in the filter {@code name = '...'}. */
    private List<Service.Experiment> matching(String filter) {
        var byName = java.util.regex.Pattern.compile("name = '([^']*)'").matcher(filter);
        return experiments.values().stream().filter(e -> !byName.matches() || e.getName().equals(byName.group(1)))
                .toList();
    }

    private static Message.Builder requestBuilder(String endpoint) {
        return switch (endpoint) {
            case "experiments/search" -> Service.SearchExperiments.newBuilder();
            case "experiments/create" -> Service.CreateExperiment.newBuilder();
            case "runs/create" -> Service.CreateRun.newBuilder();
            case "runs/log-batch" -> Service.LogBatch.newBuilder();
            case "runs/update" -> Service.UpdateRun.newBuilder();
            case "runs/search" -> Service.SearchRuns.newBuilder();
            default -> null;
        };
    }

    private void answer(HttpExchange exchange, String endpoint, Message.Builder request, Map<String, String> query)
            throws IOException {
        switch (endpoint) {
            case "experiments/search" -> send(exchange, 200, PRINTER.print(Service.SearchExperiments.Response
                    .newBuilder().addAllExperiments(matching(((Service.SearchExperiments.Builder) request).getFilter()))
                    .build()));
            case "experiments/get-by-name" -> {
                String name = query.get("experiment_name");
                var found = experiments.values().stream().filter(e -> e.getName().equals(name)).findFirst();
                if (found.isPresent()) {
                    send(exchange, 200, PRINTER.print(Service.GetExperimentByName.Response.newBuilder()
                            .setExperiment(found.get()).build()));
                } else {
                    send(exchange, 404, error("RESOURCE_DOES_NOT_EXIST", "no experiment " + name));
                }
            }
            case "experiments/create" -> createExperiment(exchange, (Service.CreateExperiment.Builder) request);
            case "runs/create" -> createRun(exchange, (Service.CreateRun.Builder) request);
            case "runs/log-batch" -> logBatch(exchange, (Service.LogBatch.Builder) request);
            case "runs/update" -> {
                Service.UpdateRun update = ((Service.UpdateRun.Builder) request).build();
                Service.Run.Builder run = runs.get(update.getRunId());
                run.getInfoBuilder().setStatus(update.getStatus());
                if (update.hasEndTime()) {
                    run.getInfoBuilder().setEndTime(update.getEndTime());
                }
                send(exchange, 200, PRINTER.print(Service.UpdateRun.Response.newBuilder()
                        .setRunInfo(run.getInfo()).build()));
            }
            case "runs/get" -> send(exchange, 200, PRINTER.print(Service.GetRun.Response.newBuilder()
                    .setRun(runs.get(query.get("run_id"))).build()));
            case "runs/search" -> {
                Service.SearchRuns search = ((Service.SearchRuns.Builder) request).build();
                Service.SearchRuns.Response.Builder response = Service.SearchRuns.Response.newBuilder();
                runs.values().stream().filter(r -> search.getExperimentIdsList().contains(r.getInfo().getExperimentId()))
                        .forEach(r -> response.addRuns(r.build()));
                send(exchange, 200, PRINTER.print(response.build()));
            }
            default -> send(exchange, 404, error("ENDPOINT_NOT_FOUND", endpoint));
        }
    }

    private void createExperiment(HttpExchange exchange, Service.CreateExperiment.Builder request) throws IOException {
        String name = request.getName();
        boolean exists = experiments.values().stream().anyMatch(e -> e.getName().equals(name));
        if (exists || racingExperimentCreation) {
            if (!exists) {
                addExperiment("777", name);
            }
            send(exchange, 400, error("RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists."));
            return;
        }
        String id = Integer.toString(100 + experiments.size());
        addExperiment(id, name);
        send(exchange, 200, PRINTER.print(Service.CreateExperiment.Response.newBuilder().setExperimentId(id).build()));
    }

    private void createRun(HttpExchange exchange, Service.CreateRun.Builder request) throws IOException {
        String runId = UUID.randomUUID().toString().replace("-", "");
        Service.RunInfo info = Service.RunInfo.newBuilder().setRunId(runId).setRunUuid(runId)
                .setExperimentId(request.getExperimentId()).setRunName(request.getRunName())
                .setUserId(request.getUserId()).setStatus(Service.RunStatus.RUNNING)
                .setStartTime(request.getStartTime()).setLifecycleStage("active")
                .setArtifactUri("mlflow-artifacts:/" + request.getExperimentId() + "/" + runId + "/artifacts").build();
        Service.Run.Builder run = Service.Run.newBuilder().setInfo(info);
        run.getDataBuilder().addAllTags(request.getTagsList());
        runs.put(runId, run);
        send(exchange, 200, PRINTER.print(Service.CreateRun.Response.newBuilder().setRun(run.build()).build()));
    }

    private void logBatch(HttpExchange exchange, Service.LogBatch.Builder request) throws IOException {
        Service.LogBatch batch = request.build();
        int total = batch.getMetricsCount() + batch.getParamsCount() + batch.getTagsCount();
        if (batch.getMetricsCount() > 1000 || batch.getParamsCount() > 100 || batch.getTagsCount() > 100
                || total > 1000) {
            send(exchange, 400, error("INVALID_PARAMETER_VALUE", "batch over the limits"));
            return;
        }
        Service.Run.Builder run = runs.get(batch.getRunId());
        if (run == null) {
            send(exchange, 404, error("RESOURCE_DOES_NOT_EXIST", "no run " + batch.getRunId()));
            return;
        }
        for (Service.Param param : batch.getParamsList()) {
            var existing = run.getData().getParamsList().stream().filter(p -> p.getKey().equals(param.getKey())).findFirst();
            if (existing.isPresent() && !existing.get().getValue().equals(param.getValue())) {
                send(exchange, 400, error("INVALID_PARAMETER_VALUE", "Changing param values is not allowed."));
                return;
            }
            if (existing.isEmpty()) {
                run.getDataBuilder().addParams(param);
            }
        }
        run.getDataBuilder().addAllTags(batch.getTagsList());
        run.getDataBuilder().addAllMetrics(batch.getMetricsList());
        send(exchange, 200, "{}");
    }

    private void artifact(HttpExchange exchange, String path, byte[] body) throws IOException {
        String key = URLDecoder.decode(path, StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("PUT")) {
            artifacts.put(key, body);
            send(exchange, 200, "{}");
        } else if (artifacts.containsKey(key)) {
            byte[] bytes = artifacts.get(key);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } else {
            send(exchange, 404, error("RESOURCE_DOES_NOT_EXIST", key));
        }
    }

    private static Service.Experiment experiment(String id, String name) {
        return Service.Experiment.newBuilder().setExperimentId(id).setName(name).setLifecycleStage("active")
                .setArtifactLocation("mlflow-artifacts:/" + id).build();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static String error(String code, String message) {
        return "{\"error_code\": \"" + code + "\", \"message\": \"" + message.replace("\"", "'") + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
