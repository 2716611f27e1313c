package org.acdit4j.framework.tracking;

/** Run states with MLflow's integer codes. */
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
}
