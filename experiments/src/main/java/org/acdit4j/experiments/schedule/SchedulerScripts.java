package org.acdit4j.experiments.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acdit4j.experiments.cli.GlobalOptions;
import org.acdit4j.experiments.cli.UsageException;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.run.RunPlan;
import org.acdit4j.tracking.TrackingTarget;

/**
 * Scale-out on schedulers that already exist: a Slurm job array (and its report job) or a Kubernetes Indexed Job in
 * which task {@code i} runs {@code acdit run <experiment> --only i}, written to {@code <runs>/<experiment>/}. Tasks
 * share the run folders; a run lock makes sure one process trains each run, and each task resumes its run.
 */
public final class SchedulerScripts {

    private SchedulerScripts() {
    }

    /** Writes the files for {@code kind} and returns them, the one to submit first. */
    public static List<Path> write(SchedulerKind kind, ExperimentDefinition definition, List<RunPlan> plans,
                                   String preset, List<String> overrides, GlobalOptions options, TrackingTarget tracking,
                                   TaskResources resources, Map<String, String> environment) {
        List<String> sweepArguments = sweepArguments(preset, overrides);
        Path folder = options.runsDir().resolve(definition.name());
        String experiment = definition.name();
        return switch (kind) {
            case SLURM -> {
                TaskLocations locations = TaskLocations.resolve(options, tracking, environment);
                TaskCommand command = TaskCommand.forThisProcess();
                Path array = folder.resolve(SlurmScripts.ARRAY_FILE);
                Path report = folder.resolve(SlurmScripts.REPORT_FILE);
                writeExecutable(array, SlurmScripts.array(experiment, plans.size(), sweepArguments, locations, resources,
                        command, folder));
                writeExecutable(report, SlurmScripts.report(experiment, sweepArguments, locations, resources, command,
                        folder));
                yield List.of(array, report);
            }
            case KUBERNETES -> {
                if (options.trackingUri() != null && !tracking.isServer()) {
                    throw new UsageException("--tracking-uri " + options.trackingUri() + ": pods keep no files, so "
                            + "--emit k8s needs a tracking server; allowed: an http(s):// URI, or none (the pods then "
                            + "take MLFLOW_TRACKING_URI from the Secret mlflow-credentials)");
                }
                Path manifest = folder.resolve(KubernetesJob.FILE);
                AtomicFiles.writeString(manifest, KubernetesJob.manifest(experiment, plans.size(), sweepArguments,
                        options.trackingUri() == null ? null : tracking.serverUri().toString(), resources));
                yield List.of(manifest);
            }
        };
    }

    private static void writeExecutable(Path script, String text) {
        AtomicFiles.writeString(script, text);
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + script + " executable: " + e.getMessage(), e);
        }
    }

    private static List<String> sweepArguments(String preset, List<String> overrides) {
        List<String> arguments = new ArrayList<>();
        if (preset != null) {
            arguments.addAll(List.of("--preset", preset));
        }
        arguments.addAll(overrides);
        return arguments;
    }
}
