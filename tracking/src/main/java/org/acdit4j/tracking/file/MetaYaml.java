package org.acdit4j.tracking.file;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.tracking.TrackingException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes {@code meta.yaml} the way MLflow's FileStore does: block style, keys sorted, ids and names
 * as strings, times and the run status as integers, {@code end_time: null} while running, the legacy run
 * fields ({@code source_type: 4}, empty {@code source_name}, {@code tags: []}) kept for old readers.
 * Reading accepts files written by MLflow itself (integer experiment ids, missing status or stage).
 */
final class MetaYaml {

    private static final int SOURCE_TYPE_LOCAL = 4;

    private final Yaml yaml;

    MetaYaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(Integer.MAX_VALUE);
        this.yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
    }

    byte[] experiment(ExperimentMeta meta) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("artifact_location", meta.artifactLocation());
        fields.put("creation_time", meta.creationTime());
        fields.put("experiment_id", meta.experimentId());
        fields.put("last_update_time", meta.lastUpdateTime());
        fields.put("lifecycle_stage", meta.lifecycleStage());
        fields.put("name", meta.name());
        return dump(fields);
    }

    byte[] run(RunMeta meta) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("artifact_uri", meta.artifactUri());
        fields.put("deleted_time", null);
        fields.put("end_time", meta.endTime());
        fields.put("entry_point_name", "");
        fields.put("experiment_id", meta.experimentId());
        fields.put("lifecycle_stage", meta.lifecycleStage());
        fields.put("run_id", meta.runId());
        fields.put("run_name", meta.runName());
        fields.put("run_uuid", meta.runId());
        fields.put("source_name", "");
        fields.put("source_type", SOURCE_TYPE_LOCAL);
        fields.put("source_version", "");
        fields.put("start_time", meta.startTime());
        fields.put("status", meta.status().mlflowCode());
        fields.put("tags", List.of());
        fields.put("user_id", meta.userId());
        return dump(fields);
    }

    ExperimentMeta readExperiment(byte[] content, String file) {
        Map<String, Object> fields = load(content, file);
        return new ExperimentMeta(
                requiredText(fields, "experiment_id", file),
                requiredText(fields, "name", file),
                text(fields, "artifact_location"),
                textOr(fields, "lifecycle_stage", ExperimentMeta.ACTIVE),
                number(fields, "creation_time", 0L),
                number(fields, "last_update_time", 0L));
    }

    RunMeta readRun(byte[] content, String file) {
        Map<String, Object> fields = load(content, file);
        String runId = textOr(fields, "run_id", text(fields, "run_uuid"));
        if (runId == null) {
            throw new TrackingException(file + " has no run_id; it is not a run's meta.yaml");
        }
        Object status = fields.get("status");
        RunStatus runStatus = status == null ? RunStatus.RUNNING : parseStatus(status, file);
        Object endTime = fields.get("end_time");
        return new RunMeta(runId,
                textOr(fields, "run_name", ""),
                requiredText(fields, "experiment_id", file),
                textOr(fields, "user_id", ""),
                runStatus,
                number(fields, "start_time", 0L),
                endTime == null ? null : number(fields, "end_time", 0L),
                text(fields, "artifact_uri"),
                textOr(fields, "lifecycle_stage", ExperimentMeta.ACTIVE));
    }

    private byte[] dump(Map<String, Object> sortedFields) {
        return yaml.dump(new LinkedHashMap<>(sortedFields)).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> load(byte[] content, String file) {
        Object parsed;
        try {
            parsed = yaml.load(new String(content, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new TrackingException(file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new TrackingException(file + " does not hold a YAML mapping");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((key, value) -> fields.put(String.valueOf(key), value));
        return fields;
    }

    private static RunStatus parseStatus(Object status, String file) {
        if (status instanceof Number code) {
            return RunStatus.fromMlflowCode(code.intValue());
        }
        try {
            return RunStatus.fromMlflowName(status.toString());
        } catch (IllegalArgumentException e) {
            throw new TrackingException(file + " has status '" + status + "'; allowed: an integer 1..5 or a name "
                    + "such as FINISHED", e);
        }
    }

    private static String requiredText(Map<String, Object> fields, String key, String file) {
        String value = text(fields, key);
        if (value == null) {
            throw new TrackingException(file + " has no '" + key + "'");
        }
        return value;
    }

    private static String text(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        return value == null ? null : value.toString();
    }

    private static String textOr(Map<String, Object> fields, String key, String fallback) {
        String value = text(fields, key);
        return value == null ? fallback : value;
    }

    private static long number(Map<String, Object> fields, String key, long fallback) {
        Object value = fields.get(key);
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null ? fallback : Long.parseLong(value.toString());
    }
}
