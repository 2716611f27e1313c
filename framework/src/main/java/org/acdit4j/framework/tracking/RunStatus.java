package org.acdit4j.framework.tracking;

import java.util.Arrays;

/** Run states with MLflow's integer codes (as stored in a file store's {@code meta.yaml}). */
public enum RunStatus {
    RUNNING(1), SCHEDULED(2), FINISHED(3), FAILED(4), KILLED(5);

    private final int mlflowCode;

    RunStatus(int mlflowCode) {
        this.mlflowCode = mlflowCode;
    }

    public int mlflowCode() {
        return mlflowCode;
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
}
