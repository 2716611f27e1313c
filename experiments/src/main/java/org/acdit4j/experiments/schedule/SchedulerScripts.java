package org.acdit4j.experiments.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acdit4j.experiments.cli.GlobalOptions;
import org.acdit4j.experiments.cli.UsageException;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.run.RunPlan;

/**
 * Scale-out on schedulers that already exist: a Slurm job-array script or a Kubernetes Indexed Job in which
 * task {@code i} runs {@code acdit run <experiment> --only i} against a shared tracking server (and a
 * shared runs folder), then one {@code acdit report} step. Written to {@code <runs>/<experiment>/}. Each task
 * asks for what one single-threaded run needs, plus one GPU when this is a CUDA build ({@link TaskResources}).
 */
public final class SchedulerScripts {

    private SchedulerScripts() {
    }

    public static Path write(String kind, ExperimentDefinition definition, List<RunPlan> plans, String preset,
                             List<String> overrides, GlobalOptions options) {
        String arguments = arguments(preset, overrides);
        TaskResources resources = TaskResources.forThisBuild();
        Path folder = options.runsDir().resolve(definition.name());
        return switch (kind) {
            case "slurm" -> {
                Path script = folder.resolve("slurm-array.sbatch");
                AtomicFiles.writeString(script, slurm(definition.name(), plans.size(), arguments, resources));
                yield script;
            }
            case "k8s" -> {
                Path manifest = folder.resolve("k8s-indexed-job.yaml");
                AtomicFiles.writeString(manifest, kubernetes(definition.name(), plans.size(), arguments, resources));
                yield manifest;
            }
            default -> throw new UsageException("--emit must be slurm or k8s, got '" + kind + "'");
        };
    }

    static String slurm(String experiment, int tasks, String arguments, TaskResources resources) {
        String gpu = resources.gpus() == 0 ? ""
                : "#SBATCH --gres=gpu:" + resources.gpus() + "\n";
        String perTask = resources.gpus() == 0 ? "one core"
                : "one core and one GPU (a CUDA build; ./acdit rebuilds stale jars with the cuda profile)";
        return """
                #!/usr/bin/env bash
                # Slurm job array for the acdit4j experiment '%1$s': task i trains plan i.
                # Submit from the project folder with a tracking server every node can reach:
                #   export MLFLOW_TRACKING_URI=https://mlflow.example.org   # plus MLFLOW_TRACKING_USERNAME/PASSWORD or _TOKEN
                #   jobid=$(sbatch --parsable runs/%1$s/slurm-array.sbatch)
                #   sbatch --dependency=afterany:$jobid --wrap './acdit report %1$s%2$s'
                # The runs/ folder must be on a shared file system for the report step.
                # Each task is one single-threaded run (OMP_NUM_THREADS=1, --workers 1): %4$s.
                #SBATCH --job-name=acdit-%1$s
                #SBATCH --array=0-%3$d
                #SBATCH --cpus-per-task=%5$d
                #SBATCH --mem=%6$dG
                %7$s#SBATCH --output=runs/%1$s/slurm-%%A_%%a.log
                set -euo pipefail
                : "${MLFLOW_TRACKING_URI:?set MLFLOW_TRACKING_URI to a tracking server shared by all tasks}"
                export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
                ./acdit run %1$s --only "${SLURM_ARRAY_TASK_ID}" --workers 1%2$s
                """.formatted(experiment, arguments, tasks - 1, perTask, resources.cpus(), resources.memory(), gpu);
    }

    static String kubernetes(String experiment, int tasks, String arguments, TaskResources resources) {
        String buildArgument = resources.gpus() == 0 ? "" : " --build-arg ACDIT_MAVEN_PROFILES=cuda";
        String perPod = resources.gpus() == 0 ? "one core" : "one core and one GPU";
        // a GPU is an extended resource: Kubernetes needs it as a limit, and a request, when given, equal to it
        String gpuRequest = resources.gpus() == 0 ? "" : " ".repeat(14) + "nvidia.com/gpu: " + resources.gpus() + "\n";
        String gpuLimit = resources.gpus() == 0 ? ""
                : " ".repeat(12) + "limits:\n" + gpuRequest;
        return """
                # Kubernetes Indexed Job for the acdit4j experiment '%1$s': pod i trains plan i.
                # Build the image in the project folder (docs/CLUSTER.md), push it where the cluster pulls from
                # and put its full name below:
                #   docker build -f experiments/container/Dockerfile%4$s -t %5$s .
                # Create a Secret 'mlflow-credentials' with MLFLOW_TRACKING_URI (and USERNAME/PASSWORD or TOKEN) and
                # a PersistentVolumeClaim 'acdit-runs' that all pods share, then: kubectl apply -f k8s-indexed-job.yaml
                # When all pods are done: ./acdit report %1$s%2$s (with the same runs folder).
                # Each pod is one single-threaded run (OMP_NUM_THREADS=1, --workers 1): %6$s.
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: acdit-%1$s
                spec:
                  completionMode: Indexed
                  completions: %3$d
                  parallelism: %3$d
                  backoffLimit: 2
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: acdit
                          image: %5$s
                          workingDir: /work
                          command: ["/bin/sh", "-c"]
                          args: ["./acdit run %1$s --only ${JOB_COMPLETION_INDEX} --workers 1%7$s"]
                          env:
                            - name: OMP_NUM_THREADS
                              value: "1"
                          envFrom:
                            - secretRef:
                                name: mlflow-credentials
                          resources:
                            requests:
                              cpu: "%8$d"
                              memory: %9$dGi
                %10$s%11$s          volumeMounts:
                            - name: runs
                              mountPath: /work/runs
                      volumes:
                        - name: runs
                          persistentVolumeClaim:
                            claimName: acdit-runs
                """.formatted(experiment, arguments, tasks, buildArgument, resources.image(), perPod,
                yamlDoubleQuoted(arguments), resources.cpus(), resources.memory(),
                gpuRequest, gpuLimit);
    }

    /** The text of a YAML double-quoted scalar: backslashes (as in a shell's '\\'') and quotes escaped. */
    private static String yamlDoubleQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String arguments(String preset, List<String> overrides) {
        List<String> parts = new ArrayList<>();
        if (preset != null) {
            parts.add("--preset " + preset);
        }
        for (String override : overrides) {
            parts.add("'" + override.replace("'", "'\\''") + "'");
        }
        return parts.isEmpty() ? "" : " " + String.join(" ", parts);
    }
}
