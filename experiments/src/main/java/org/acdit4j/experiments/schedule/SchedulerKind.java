package org.acdit4j.experiments.schedule;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.acdit4j.experiments.cli.UsageException;

/** The schedulers {@code acdit run --emit} writes for, by the name the option takes. */
public enum SchedulerKind {
    SLURM("slurm"),
    KUBERNETES("k8s");

    private final String option;

    SchedulerKind(String option) {
        this.option = option;
    }

    /** The kind named {@code value} on the command line; a usage error naming the allowed values otherwise. */
    public static SchedulerKind parse(String value) {
        return Arrays.stream(values()).filter(kind -> kind.option.equals(value)).findFirst()
                .orElseThrow(() -> new UsageException("--emit " + value + ": allowed: "
                        + Arrays.stream(values()).map(kind -> kind.option).collect(Collectors.joining(", "))));
    }
}
