package org.acdit4j.tracking.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An independent reader of an MLflow file store for tests, written from MLflow's {@code FileStore} reading
 * rules and sharing no code with the writer: every folder directly under the root except {@code .trash} must
 * be an experiment with a valid id; meta.yaml files are parsed with a YAML safe loader (like PyYAML's) and
 * their field names and YAML types are checked; metric lines are {@code <int> <python float> <int>}; params
 * and tags hold the raw value without a trailing newline. Any violation throws {@link AssertionError}.
 */
final class MlflowFileStoreReader {

    static final Set<String> RUN_META_FIELDS = Set.of("artifact_uri", "deleted_time", "end_time", "entry_point_name",
            "experiment_id", "lifecycle_stage", "run_id", "run_name", "run_uuid", "source_name", "source_type",
            "source_version", "start_time", "status", "tags", "user_id");
    static final Set<String> EXPERIMENT_META_FIELDS = Set.of("artifact_location", "creation_time", "experiment_id",
            "last_update_time", "lifecycle_stage", "name");

    private static final Pattern EXPERIMENT_ID = Pattern.compile("[a-zA-Z0-9][\\w\\-]{0,63}");
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern PYTHON_FLOAT = Pattern.compile(
            "[+-]?((\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    record Point(long timestamp, double value, long step) {
    }

    record Run(String id, Map<String, Object> meta, Map<String, String> params, Map<String, String> tags,
               Map<String, List<Point>> metrics, Map<String, byte[]> artifacts) {

        int status() {
            return (Integer) meta.get("status");
        }
    }

    record Experiment(String id, String name, Map<String, Object> meta, List<Run> runs) {

        Run runNamed(String runName) {
            return runs.stream().filter(r -> runName.equals(r.tags().get("mlflow.runName"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no run named " + runName + " in experiment " + name));
        }
    }

    private final Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));

    List<Experiment> read(Path root) throws IOException {
        List<Experiment> experiments = new ArrayList<>();
        for (Path dir : folders(root)) {
            String id = dir.getFileName().toString();
            if (id.equals(".trash")) {
                continue;
            }
            check(EXPERIMENT_ID.matcher(id).matches(), "folder " + dir + " is not a valid experiment id");
            experiments.add(readExperiment(dir, id));
        }
        return experiments;
    }

    Experiment experimentNamed(Path root, String name) throws IOException {
        return read(root).stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no experiment named " + name));
    }

    private Experiment readExperiment(Path dir, String id) throws IOException {
        Map<String, Object> meta = yamlMap(dir.resolve("meta.yaml"));
        check(meta.keySet().equals(EXPERIMENT_META_FIELDS), "experiment meta fields " + meta.keySet());
        check(id.equals(meta.get("experiment_id")), "experiment_id must be the string '" + id + "' in " + dir);
        check(meta.get("name") instanceof String, "name must be a string");
        check(isInteger(meta.get("creation_time")) && isInteger(meta.get("last_update_time")), "times must be ints");
        check("active".equals(meta.get("lifecycle_stage")), "lifecycle_stage");
        String location = (String) meta.get("artifact_location");
        check(location.equals("file://" + dir.toAbsolutePath()), "artifact_location " + location + " for " + dir);
        List<Run> runs = new ArrayList<>();
        for (Path runDir : folders(dir)) {
            if (!Files.exists(runDir.resolve("meta.yaml"))) {
                continue;
            }
            runs.add(readRun(runDir, id, location));
        }
        return new Experiment(id, (String) meta.get("name"), meta, runs);
    }

    private Run readRun(Path runDir, String experimentId, String experimentLocation) throws IOException {
        String id = runDir.getFileName().toString();
        check(RUN_ID.matcher(id).matches(), "run folder " + id + " is not 32 hex characters");
        Map<String, Object> meta = yamlMap(runDir.resolve("meta.yaml"));
        check(meta.keySet().equals(RUN_META_FIELDS), "run meta fields " + meta.keySet());
        check(experimentId.equals(meta.get("experiment_id")), "run experiment_id must be the string " + experimentId);
        check(id.equals(meta.get("run_id")) && id.equals(meta.get("run_uuid")), "run_id/run_uuid of " + id);
        check(meta.get("status") instanceof Integer s && s >= 1 && s <= 5, "status must be an int 1..5");
        check(isInteger(meta.get("start_time")), "start_time must be an int");
        check(meta.get("end_time") == null || isInteger(meta.get("end_time")), "end_time must be null or an int");
        check(Integer.valueOf(4).equals(meta.get("source_type")), "source_type must be 4");
        check(meta.get("tags") instanceof List<?> l && l.isEmpty(), "tags must be an empty list");
        check(meta.get("run_name") instanceof String && meta.get("user_id") instanceof String, "names are strings");
        check("active".equals(meta.get("lifecycle_stage")), "run lifecycle_stage");
        String artifactUri = (String) meta.get("artifact_uri");
        check(artifactUri.equals(experimentLocation + "/" + id + "/artifacts"), "artifact_uri " + artifactUri);
        Path artifactsDir = Path.of(java.net.URI.create(artifactUri));
        check(artifactsDir.isAbsolute(), "artifact folder must be absolute");
        return new Run(id, meta, texts(runDir.resolve("params")), texts(runDir.resolve("tags")),
                metrics(runDir.resolve("metrics")), artifacts(artifactsDir));
    }

    private Map<String, List<Point>> metrics(Path dir) throws IOException {
        Map<String, List<Point>> metrics = new TreeMap<>();
        for (Map.Entry<String, Path> file : files(dir).entrySet()) {
            String content = Files.readString(file.getValue(), StandardCharsets.UTF_8);
            check(content.isEmpty() || content.endsWith("\n"), "metric file " + file.getKey() + " ends mid-line");
            List<Point> points = new ArrayList<>();
            for (String line : content.split("\n")) {
                String[] parts = line.split(" ", -1);
                check(parts.length == 3 && INTEGER.matcher(parts[0]).matches()
                        && PYTHON_FLOAT.matcher(parts[1]).matches() && INTEGER.matcher(parts[2]).matches(),
                        "malformed line '" + line + "' in metric " + file.getKey());
                points.add(new Point(Long.parseLong(parts[0]), pythonFloat(parts[1]), Long.parseLong(parts[2])));
            }
            check(!points.isEmpty(), "metric " + file.getKey() + " has no data");
            metrics.put(file.getKey(), points);
        }
        return metrics;
    }

    private static double pythonFloat(String text) {
        String lower = text.toLowerCase();
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(text);
    }

    private static Map<String, String> texts(Path dir) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (Map.Entry<String, Path> file : files(dir).entrySet()) {
            String value = Files.readString(file.getValue(), StandardCharsets.UTF_8);
            check(!value.endsWith("\n"), "value of " + file.getKey() + " ends with a newline");
            texts.put(file.getKey(), value);
        }
        return texts;
    }

    private static Map<String, byte[]> artifacts(Path dir) throws IOException {
        Map<String, byte[]> artifacts = new TreeMap<>();
        for (Map.Entry<String, Path> file : files(dir).entrySet()) {
            artifacts.put(file.getKey(), Files.readAllBytes(file.getValue()));
        }
        return artifacts;
    }

    private static Map<String, Path> files(Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(dir.relativize(f).toString(), f));
        }
        return files;
    }

    private static List<Path> folders(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    private Map<String, Object> yamlMap(Path file) throws IOException {
        Object parsed = yaml.load(Files.readString(file, StandardCharsets.UTF_8));
        check(parsed instanceof Map, file + " is not a YAML mapping");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        return map;
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
