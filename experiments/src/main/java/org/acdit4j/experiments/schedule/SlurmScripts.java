package org.acdit4j.experiments.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slurm job array in which task {@code i} trains plan {@code i}, and the job that writes the report after it. Both
 * name every folder absolutely ({@code --chdir}, {@code --output}, the global options), so they may be submitted from
 * anywhere; the logs are appended to ({@code --open-mode=append}), so a requeued or resubmitted task keeps what its
 * earlier attempts wrote.
 */
final class SlurmScripts {

    static final String ARRAY_FILE = "slurm-array.sbatch";
    static final String REPORT_FILE = "slurm-report.sbatch";

    private SlurmScripts() {
    }

    /**
     * @param sweepArguments the experiment's preset and overrides, as {@code acdit run} takes them
     */
    static String array(String experiment, int tasks, List<String> sweepArguments, TaskLocations locations,
                        TaskResources resources, TaskCommand command, Path folder) {
        List<String> run = new ArrayList<>(List.of("run", experiment, "--only"));
        List<String> rest = new ArrayList<>(List.of("--workers", "1"));
        rest.addAll(sweepArguments);
        rest.addAll(locations.arguments());
        String gpu = resources.gpus() == 0 ? "" : "#SBATCH --gres=gpu:" + resources.gpus() + "\n";
        return """
                #!/usr/bin/env bash
                # Slurm job array of the acdit4j experiment '%1$s': task i trains plan i (%2$d plans).
                # Submit it, then the report once every task has ended (from any folder):
                #   jobid=$(sbatch --parsable %3$s)
                #   sbatch --dependency=afterany:$jobid %4$s
                # A resubmitted task (sbatch --array=I %3$s) or a requeued one resumes its run from its checkpoint;
                # a task whose run another process trains waits for it. Tasks never build: build before submitting.
                # Each task is one run (--workers 1) on the cores it asks for (ACDIT_THREADS; OMP_NUM_THREADS=1);
                # JVM flags: %5$s.
                #SBATCH --job-name=acdit-%1$s
                #SBATCH --array=0-%6$d
                %7$sexport ACDIT_THREADS="${ACDIT_THREADS:-${SLURM_CPUS_PER_TASK:-1}}"
                export ACDIT_JAVA_OPTS="${ACDIT_JAVA_OPTS:-%5$s}"
                %8$s %9$s "${SLURM_ARRAY_TASK_ID}" %10$s
                """.formatted(experiment, tasks, folder.resolve(ARRAY_FILE), folder.resolve(REPORT_FILE),
                resources.javaOptions(), tasks - 1,
                jobSetup(locations, folder.resolve("slurm-%A_%a.log"), resourceLines(resources) + gpu),
                command.shellText(), ShellWords.join(run), ShellWords.join(rest));
    }

    /** The job that writes the report of the sweep from its run folders, with the same arguments as its tasks. */
    static String report(String experiment, List<String> sweepArguments, TaskLocations locations,
                         TaskResources resources, TaskCommand command, Path folder) {
        List<String> report = new ArrayList<>(List.of("report", experiment));
        report.addAll(sweepArguments);
        report.addAll(locations.arguments());
        return """
                #!/usr/bin/env bash
                # The report of the acdit4j experiment '%1$s' once its job array has ended:
                #   sbatch --dependency=afterany:<array job id> %2$s
                # It lists the planned runs that did not finish, so a partial sweep never reads as complete.
                #SBATCH --job-name=acdit-%1$s-report
                %3$sexport ACDIT_JAVA_OPTS="${ACDIT_JAVA_OPTS:-%4$s}"
                %5$s %6$s
                """.formatted(experiment, folder.resolve(REPORT_FILE),
                jobSetup(locations, folder.resolve("slurm-report-%j.log"), resourceLines(resources)),
                resources.javaOptions(), command.shellText(), ShellWords.join(report));
    }

    /**
     * The lines that set up every job of the sweep after its name: the working folder, the log appended to, the
     * {@code resourceLines} it asks for, strict bash and one OpenMP thread.
     */
    private static String jobSetup(TaskLocations locations, Path log, String resourceLines) {
        return """
                #SBATCH --chdir=%s
                #SBATCH --output=%s
                #SBATCH --open-mode=append
                %sset -euo pipefail
                export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
                """.formatted(locations.workingDir(), log, resourceLines);
    }

    private static String resourceLines(TaskResources resources) {
        return "#SBATCH --cpus-per-task=" + resources.cpus() + "\n#SBATCH --mem=" + resources.slurmMemory()
                + "\n#SBATCH --time=" + resources.slurmTime() + "\n";
    }
}
