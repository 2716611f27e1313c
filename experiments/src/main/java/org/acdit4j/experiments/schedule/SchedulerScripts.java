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
 * shared runs folder), then one {@code acdit report} step. Written to {@code <runs>/<experiment>/}.
 */
public final class SchedulerScripts {

    private SchedulerScripts() {
    }

    public static Path write(String kind, ExperimentDefinition definition, List<RunPlan> plans, String preset,
                             List<String> overrides, GlobalOptions options) {
        String arguments = arguments(preset, overrides);
        Path folder = options.runsDir().resolve(definition.name());
        return switch (kind) {
            case "slurm" -> {
                Path script = folder.resolve("slurm-array.sbatch");
                AtomicFiles.writeString(script, slurm(definition.name(), plans.size(), arguments));
                yield script;
            }
            case "k8s" -> {
                Path manifest = folder.resolve("k8s-indexed-job.yaml");
                AtomicFiles.writeString(manifest, kubernetes(definition.name(), plans.size(), arguments));
                yield manifest;
            }
            default -> throw new UsageException("--emit must be slurm or k8s, got '" + kind + "'");
        };
    }

    static String slurm(String experiment, int tasks, String arguments) {
        return """
                #!/usr/bin/env bash
                # Slurm job array for the acdit4j experiment '%1$s': task i trains plan i.
                # Submit from the project folder with a tracking server every node can reach:
                #   export MLFLOW_TRACKING_URI=https://mlflow.example.org   # plus MLFLOW_TRACKING_USERNAME/PASSWORD or _TOKEN
                #   jobid=$(sbatch --parsable runs/%1$s/slurm-array.sbatch)
                #   sbatch --dependency=afterany:$jobid --wrap './acdit report %1$s%2$s'
                # The runs/ folder must be on a shared file system for the report step.
                #SBATCH --job-name=acdit-%1$s
                #SBATCH --array=0-%3$d
                #SBATCH --cpus-per-task=2
                #SBATCH --mem=16G
                #SBATCH --output=runs/%1$s/slurm-%%A_%%a.log
                set -euo pipefail
                : "${MLFLOW_TRACKING_URI:?set MLFLOW_TRACKING_URI to a tracking server shared by all tasks}"
                export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
                ./acdit run %1$s --only "${SLURM_ARRAY_TASK_ID}" --workers 1%2$s
                """.formatted(experiment, arguments, tasks - 1);
    }

    static String kubernetes(String experiment, int tasks, String arguments) {
        return """
                # Kubernetes Indexed Job for the acdit4j experiment '%1$s': pod i trains plan i.
                # Build an image holding the project (with ./acdit) and a JDK 17, set the image below, create a
                # Secret 'mlflow-credentials' with MLFLOW_TRACKING_URI (and USERNAME/PASSWORD or TOKEN), mount a
                # shared volume at /work/runs, then: kubectl apply -f k8s-indexed-job.yaml
                # When all pods are done: ./acdit report %1$s%2$s (with the same runs folder).
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
                          image: acdit4j:latest
                          workingDir: /work
                          command: ["/bin/sh", "-c"]
                          args: ["./acdit run %1$s --only ${JOB_COMPLETION_INDEX} --workers 1%2$s"]
                          env:
                            - name: OMP_NUM_THREADS
                              value: "1"
                          envFrom:
                            - secretRef:
                                name: mlflow-credentials
                          resources:
                            requests:
                              cpu: "2"
                              memory: 16Gi
                          volumeMounts:
                            - name: runs
                              mountPath: /work/runs
                      volumes:
                        - name: runs
                          persistentVolumeClaim:
                            claimName: acdit-runs
                """.formatted(experiment, arguments.replace("\"", "\\\""), tasks);
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
