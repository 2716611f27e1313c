package org.acdit4j.framework.run;

/** Starts one planned run somewhere (a child JVM here) and reports how it ended. */
@FunctionalInterface
public interface RunLauncher {

    /**
     * Runs {@code plan} to completion and returns the process exit code (0 = finished).
     *
     * @param parentRunId the sweep's parent tracker run
     */
    int launch(RunPlan plan, RunFolder folder, String parentRunId) throws InterruptedException;
}
