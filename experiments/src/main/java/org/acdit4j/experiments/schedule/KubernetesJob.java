package org.acdit4j.experiments.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

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
        // a GPU is an extended resource: Kubernetes needs it as a limit, and a request, when given, equal to it
        String gpuRequest = resources.gpus() == 0 ? "" : " ".repeat(14) + "nvidia.com/gpu: " + resources.gpus() + "\n";
        String gpuLimit = resources.gpus() == 0 ? "" : " ".repeat(12) + "limits:\n" + gpuRequest;
        return """
                # Kubernetes Indexed Job of the acdit4j experiment '%1$s': pod i trains plan i (%2$d plans).
                # Build the image in the project folder (docs/CLUSTER.md), push it where the cluster pulls from
                # and put its full name below:
                #   docker build -f experiments/container/Dockerfile%3$s -t %4$s .
                # Create a Secret 'mlflow-credentials' with MLFLOW_TRACKING_URI (and USERNAME/PASSWORD or TOKEN) and the
                # PersistentVolumeClaims 'acdit-runs', 'acdit-results' and 'acdit-data' that all pods share, then:
                #   kubectl apply -f %5$s
                # When all pods are done: ./acdit report %1$s%6$s with the runs volume as --runs-dir.
                # Each pod is one run (--workers 1) on the cores it requests (ACDIT_THREADS; OMP_NUM_THREADS=1): %7$s.
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: %8$s
                  labels:
                    app.kubernetes.io/name: acdit4j
                spec:
                  completionMode: Indexed
                  completions: %2$d
                  parallelism: %2$d
                  backoffLimitPerIndex: %9$d
                  template:
                    spec:
                      restartPolicy: Never
                      activeDeadlineSeconds: %10$d
                      containers:
                        - name: acdit
                          image: %4$s
                          workingDir: /work
                          command: ["/bin/sh", "-c"]
                          args: ["%11$s"]
                          env:
                            - name: OMP_NUM_THREADS
                              value: "1"
                            - name: ACDIT_THREADS
                              value: "%13$d"
                            - name: ACDIT_JAVA_OPTS
                              value: "%12$s"
                          envFrom:
                            - secretRef:
                                name: mlflow-credentials
                                optional: true
                          resources:
                            requests:
                              cpu: "%13$d"
                              memory: %14$s
                %15$s%16$s          volumeMounts:
                            - name: runs
                              mountPath: %17$s
                            - name: results
                              mountPath: %18$s
                            - name: data
                              mountPath: %19$s
                      volumes:
                        - name: runs
                          persistentVolumeClaim:
                            claimName: acdit-runs
                        - name: results
                          persistentVolumeClaim:
                            claimName: acdit-results
                        - name: data
                          persistentVolumeClaim:
                            claimName: acdit-data
                """.formatted(experiment, tasks, buildArgument, resources.image(), FILE,
                sweepArguments.isEmpty() ? "" : " " + ShellWords.join(sweepArguments), perPod,
                name(experiment, sweepArguments), RETRIES_PER_INDEX, resources.seconds(), yamlDoubleQuoted(command),
                resources.javaOptions(), resources.cpus(), resources.kubernetesMemory(), gpuRequest, gpuLimit, RUNS, RESULTS,
                DATA);
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

    /** The text of a YAML double-quoted scalar: backslashes (as in a shell's '\\'') and quotes escaped. */
    private static String yamlDoubleQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
