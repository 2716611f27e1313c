package org.acdit4j.experiments.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A Kubernetes Indexed Job in which pod {@code i} trains plan {@code i}. Pods keep no files, so the runs, the results
 * and the data cache are volumes (PersistentVolumeClaims {@code acdit-runs}, {@code acdit-results} and
 * {@code acdit-data}) and the runs go to a tracking server: a pod without {@code MLFLOW_TRACKING_URI} (from the Secret
 * {@code mlflow-credentials}) or an emit-time {@code --tracking-uri} server stops at once with one line. Each index
 * may fail twice ({@code backoffLimitPerIndex}), independently of the others; the Job's name is the sweep's (its
 * experiment and a hash of its preset and overrides), so the sweeps of one experiment do not replace each other.
 */
final class KubernetesJob {

    static final String FILE = "k8s-indexed-job.yaml";
    static final String RUNS = "/work/runs";
    static final String RESULTS = "/work/results";
    static final String DATA = "/work/data-cache";
    private static final int MAX_NAME = 63;
    private static final int HASH_CHARS = 8;
    private static final int RETRIES_PER_INDEX = 2;
    private static final String GPU_RESOURCE = "nvidia.com/gpu";

    private KubernetesJob() {
    }

    /**
     * @param trackingServer the tracking server given when the manifest was written, or {@code null} to take
     *                       {@code MLFLOW_TRACKING_URI} from the Secret
     */
    static String manifest(String experiment, int tasks, List<String> sweepArguments, String trackingServer,
                           TaskResources resources) {
        List<String> run = new ArrayList<>(List.of("./acdit", "run", experiment, "--only"));
        List<String> rest = new ArrayList<>(List.of("--workers", "1"));
        rest.addAll(sweepArguments);
        rest.addAll(List.of("--runs-dir", RUNS, "--results-dir", RESULTS, "--data-dir", DATA));
        String trackingCheck;
        if (trackingServer == null) {
            trackingCheck = ": \"${MLFLOW_TRACKING_URI:?set MLFLOW_TRACKING_URI in the Secret mlflow-credentials: "
                    + "a pod keeps no files, so its runs must go to a tracking server}\"; ";
        } else {
            trackingCheck = "";
            rest.addAll(List.of("--tracking-uri", trackingServer));
        }
        String command = trackingCheck + "exec " + ShellWords.join(run) + " \"${JOB_COMPLETION_INDEX}\" "
                + ShellWords.join(rest);
        String buildArgument = resources.gpus() == 0 ? "" : " --build-arg ACDIT_MAVEN_PROFILES=cuda";
        String perPod = resources.gpus() == 0 ? "one core" : "one core and one GPU";
        String header = """
                # Kubernetes Indexed Job of the acdit4j experiment '%1$s': pod i trains plan i (%2$d plans).
                # Build the image in the project folder (docs/CLUSTER.md), push it where the cluster pulls from
                # and put its full name below:
                #   docker build -f experiments/container/Dockerfile%3$s -t %4$s .
                # Create a Secret 'mlflow-credentials' with MLFLOW_TRACKING_URI (and USERNAME/PASSWORD or TOKEN) and the
                # PersistentVolumeClaims 'acdit-runs', 'acdit-results' and 'acdit-data' that all pods share, then:
                #   kubectl apply -f %5$s
                # When all pods are done: ./acdit report %1$s%6$s with the runs volume as --runs-dir.
                # Each pod is one run (--workers 1) on the cores it requests (ACDIT_THREADS; OMP_NUM_THREADS=1): %7$s.
                """.formatted(experiment, tasks, buildArgument, resources.image(), FILE,
                sweepArguments.isEmpty() ? "" : " " + ShellWords.join(sweepArguments), perPod);
        return header + yaml().dump(job(experiment, tasks, sweepArguments, command, resources));
    }

    /** The Job object: an Indexed Job of {@code tasks} pods, each running {@code command} in one container. */
    private static Map<String, Object> job(String experiment, int tasks, List<String> sweepArguments, String command,
                                           TaskResources resources) {
        Map<String, Object> requests = ordered("cpu", String.valueOf(resources.cpus()),
                "memory", resources.kubernetesMemory());
        Map<String, Object> containerResources = ordered("requests", requests);
        if (resources.gpus() > 0) {
            // a GPU is an extended resource: Kubernetes needs it as a limit, and a request, when given, equal to it
            requests.put(GPU_RESOURCE, resources.gpus());
            containerResources.put("limits", ordered(GPU_RESOURCE, resources.gpus()));
        }
        Map<String, Object> container = ordered("name", "acdit", "image", resources.image(), "workingDir", "/work",
                "command", List.of("/bin/sh", "-c"), "args", List.of(command),
                "env", List.of(variable("OMP_NUM_THREADS", "1"), variable("ACDIT_THREADS", String.valueOf(resources.cpus())),
                        variable("ACDIT_JAVA_OPTS", resources.javaOptions())),
                "envFrom", List.of(ordered("secretRef", ordered("name", "mlflow-credentials", "optional", true))),
                "resources", containerResources,
                "volumeMounts", List.of(mount("runs", RUNS), mount("results", RESULTS), mount("data", DATA)));
        Map<String, Object> pod = ordered("restartPolicy", "Never", "activeDeadlineSeconds", resources.seconds(),
                "containers", List.of(container),
                "volumes", List.of(claim("runs", "acdit-runs"), claim("results", "acdit-results"), claim("data", "acdit-data")));
        return ordered("apiVersion", "batch/v1", "kind", "Job",
                "metadata", ordered("name", name(experiment, sweepArguments),
                        "labels", ordered("app.kubernetes.io/name", "acdit4j")),
                "spec", ordered("completionMode", "Indexed", "completions", tasks, "parallelism", tasks,
                        "backoffLimitPerIndex", RETRIES_PER_INDEX, "template", ordered("spec", pod)));
    }

    private static Map<String, Object> variable(String name, String value) {
        return ordered("name", name, "value", value);
    }

    private static Map<String, Object> mount(String volume, String path) {
        return ordered("name", volume, "mountPath", path);
    }

    private static Map<String, Object> claim(String volume, String claimName) {
        return ordered("name", volume, "persistentVolumeClaim", ordered("claimName", claimName));
    }

    /** A mapping that keeps the order of {@code keysAndValues} (key, value, key, value, …) in the manifest. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Block-style YAML, two-space indents, sequences indented under their key, long lines kept whole. */
    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        return new Yaml(options);
    }

    /**
     * The Job's name: {@code acdit-<experiment>-<hash of preset and overrides>}, a DNS label of at most 63 characters,
     * so each sweep of an experiment is a Job of its own.
     */
    static String name(String experiment, List<String> sweepArguments) {
        String hash = sha256(experiment + "\n" + String.join("\n", sweepArguments)).substring(0, HASH_CHARS);
        String slug = experiment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        String prefix = "acdit-";
        int room = MAX_NAME - prefix.length() - 1 - HASH_CHARS;
        slug = slug.length() > room ? slug.substring(0, room).replaceAll("-+$", "") : slug;
        return prefix + slug + "-" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
