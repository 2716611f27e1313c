package org.acdit4j.framework.run;

/** The life cycle of a run folder as recorded in its {@code run.json}. */
public enum RunStatusFile {
    PLANNED, RUNNING, FINISHED, FAILED, KILLED
}
