package org.acdit4j.framework.run;

/** Starts one planned run somewhere (a child JVM here) and reports how it ended. */
@FunctionalInterface
public interface RunLauncher {

    /** The exit code of a launched run that another process trains already ({@link RunBusyException}). */
    int EXIT_BUSY = 3;

    /**
     * Runs {@code plan} to completion and returns the process exit code (0 = finished).
     *
     * @param parentRunId the sweep's parent tracker run
     */
    int launch(RunPlan plan, RunFolder folder, String parentRunId) throws InterruptedException;
}
