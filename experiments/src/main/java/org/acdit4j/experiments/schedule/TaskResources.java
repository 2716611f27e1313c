package org.acdit4j.experiments.schedule;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acdit4j.experiments.cli.BackendInfo;
import org.acdit4j.experiments.cli.UsageException;
import org.acdit4j.framework.system.MemoryLimits;

/**
 * What one scheduler task asks for. A task is one training run ({@code --workers 1}, {@code OMP_NUM_THREADS=1})
 * whose threads ({@code ACDIT_THREADS}, which {@code train.microBatches} use) are its cores: one core by default; memory for the JVM's heap plus ND4J's native memory (16 GiB by
 * default: a width-128 run of 2,000 steps peaked near 12 GiB, docs/PERFORMANCE.md); a time limit of one day by
 * default; a CUDA build also one GPU. Its JVMs are sized to it ({@link #javaOptions()}).
 *
 * @param cpus      cores per task
 * @param memoryMib memory per task in MiB
 * @param seconds   the time limit per task
 * @param gpus      GPUs per task: 1 for a CUDA build, else 0
 * @param image     the container image of the Kubernetes Job
 */
public record TaskResources(int cpus, long memoryMib, long seconds, int gpus, String image) {

    public static final String DEFAULT_MEMORY = "16G";
    public static final String DEFAULT_TIME = "1-00:00:00";
    public static final int DEFAULT_CPUS = 1;
    private static final long MIN_MEMORY_MIB = 1024;
    private static final long MAX_HEAP_MIB = 2048;
    private static final Pattern MEMORY = Pattern.compile("([1-9][0-9]*)([MG])", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("(?:([0-9]+)-)?([0-9]{1,2}):([0-5][0-9]):([0-5][0-9])");

    /**
     * The resources asked for with {@code --task-cpus}, {@code --task-memory} and {@code --task-time}, for this build
     * (CUDA when its classpath holds the CUDA backend's natives).
     */
    public static TaskResources of(int cpus, String memory, String time) {
        boolean cuda = !BackendInfo.cudaJar().isEmpty();
        return new TaskResources(validCpus(cpus), memoryMib(memory), seconds(time), cuda ? 1 : 0,
                cuda ? "acdit4j:cuda" : "acdit4j:cpu");
    }

    /** The memory as Slurm's {@code --mem} writes it: {@code 16G}, or {@code 1536M}. */
    String slurmMemory() {
        return memoryMib % 1024 == 0 ? memoryMib / 1024 + "G" : memoryMib + "M";
    }

    /** The memory as a Kubernetes quantity: {@code 16Gi}, or {@code 1536Mi}. */
    String kubernetesMemory() {
        return slurmMemory() + "i";
    }

    /** The time limit as Slurm's {@code --time} writes it: {@code D-HH:MM:SS}. */
    String slurmTime() {
        return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", seconds / 86_400, seconds % 86_400 / 3600,
                seconds % 3600 / 60, seconds % 60);
    }

    /**
     * The JVM flags of a task ({@code ACDIT_JAVA_OPTS}, which the sweep passes on to its run's JVM): the launcher's
     * 2 GiB heap, or a quarter of the task's memory when that is less, and JavaCPP's resident-set cap at 85% of the
     * task's memory, so that a run outgrowing the task stops with the one line naming that limit rather than being
     * killed by the scheduler (the other 15% are for the sweep's own JVM).
     */
    String javaOptions() {
        long heapMib = Math.min(MAX_HEAP_MIB, memoryMib / 4);
        return "-Xmx" + heapMib + "m -D" + MemoryLimits.MAX_PHYSICAL_BYTES + "=" + memoryMib * 85 / 100 + "m";
    }

    private static int validCpus(int cpus) {
        if (cpus < 1) {
            throw notAllowed("--task-cpus", cpus, "1 or more cores per task");
        }
        return cpus;
    }

    private static long memoryMib(String memory) {
        Matcher matcher = matching(MEMORY, "--task-memory", memory, "a size such as 16G or 6000M");
        long amount = Long.parseLong(matcher.group(1));
        long mib = matcher.group(2).equalsIgnoreCase("G") ? amount * 1024 : amount;
        if (mib < MIN_MEMORY_MIB) {
            throw notAllowed("--task-memory", memory, "at least 1G (a training JVM needs it)");
        }
        return mib;
    }

    private static long seconds(String time) {
        Matcher matcher = matching(TIME, "--task-time", time, "HH:MM:SS or D-HH:MM:SS, e.g. 4:00:00 or 1-12:00:00");
        long days = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        long total = days * 86_400 + Long.parseLong(matcher.group(2)) * 3600 + Long.parseLong(matcher.group(3)) * 60
                + Long.parseLong(matcher.group(4));
        if (total == 0) {
            throw notAllowed("--task-time", time, "a time limit above zero");
        }
        return total;
    }

    /**
     * {@code value} of {@code option} matched against {@code syntax}; refused as {@link #notAllowed} when it does not
     * match.
     */
    private static Matcher matching(Pattern syntax, String option, String value, String allowed) {
        Matcher matcher = syntax.matcher(value.strip());
        if (!matcher.matches()) {
            throw notAllowed(option, value, allowed);
        }
        return matcher;
    }

    /** The one-line usage error for {@code option} given {@code value}, saying what is {@code allowed}. */
    private static UsageException notAllowed(String option, Object value, String allowed) {
        return new UsageException(option + " " + value + ": allowed: " + allowed);
    }
}
