package org.acdit4j.framework.tracking;

import java.util.Arrays;

/**
 * The life cycle of a run, as its run folder's {@code run.json} records it (by constant name) and as MLflow stores it
 * (by {@link #mlflowName()} in a SQL store and on a server, by {@link #mlflowCode()} in a file store's
 * {@code meta.yaml}).
 */
public enum RunStatus {
    /** Planned, its folder created, not started yet: MLflow's {@code SCHEDULED}. */
    PLANNED(2, "SCHEDULED"),
    RUNNING(1, "RUNNING"),
    FINISHED(3, "FINISHED"),
    FAILED(4, "FAILED"),
    KILLED(5, "KILLED");

    private final int mlflowCode;
    private final String mlflowName;

    RunStatus(int mlflowCode, String mlflowName) {
        this.mlflowCode = mlflowCode;
        this.mlflowName = mlflowName;
    }

    public int mlflowCode() {
        return mlflowCode;
    }

    public String mlflowName() {
        return mlflowName;
    }

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }

    /** The status with this MLflow code; a one-line error naming the code and the allowed ones otherwise. */
    public static RunStatus fromMlflowCode(int code) {
        return Arrays.stream(values()).filter(s -> s.mlflowCode == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown MLflow run status code " + code + ", allowed: 1 (RUNNING) to 5 (KILLED)"));
    }

    /** The status with this MLflow name; a one-line error naming it and the allowed ones otherwise. */
    public static RunStatus fromMlflowName(String name) {
        return Arrays.stream(values()).filter(s -> s.mlflowName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown MLflow run status '" + name
                        + "', allowed: " + Arrays.stream(values()).map(RunStatus::mlflowName).toList()));
    }
}
