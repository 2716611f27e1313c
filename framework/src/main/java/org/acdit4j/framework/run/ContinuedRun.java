package org.acdit4j.framework.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;

/**
 * A resumed training's tracker run: it continues each metric's history where the store's ends, dropping the points at
 * or before the step the store already holds for their key. A run resumed from a checkpoint trains (and evaluates)
 * the steps after the checkpoint again; the store got those before the interruption, so each step stays in the
 * history once. Everything else goes to the run unchanged.
 */
final class ContinuedRun implements TrackedRun {

    private final TrackedRun run;
    private final LoggedSteps logged;

    ContinuedRun(TrackedRun run) {
        this.run = run;
        this.logged = run.loggedSteps();
    }

    @Override
    public void logMetric(String key, double value, long step) {
        if (logged.isNew(key, step)) {
            run.logMetric(key, value, step);
        }
    }

    @Override
    public String runId() {
        return run.runId();
    }

    @Override
    public String experimentId() {
        return run.experimentId();
    }

    @Override
    public LoggedSteps loggedSteps() {
        return logged;
    }

    @Override
    public void logParams(Map<String, String> params) {
        run.logParams(params);
    }

    @Override
    public void setTags(Map<String, String> tags) {
        run.setTags(tags);
    }

    @Override
    public void logArtifact(Path file, String artifactPath) {
        run.logArtifact(file, artifactPath);
    }

    @Override
    public void flush() {
        run.flush();
    }

    @Override
    public void end(RunStatus status) {
        run.end(status);
    }

    @Override
    public List<String> undelivered() {
        return run.undelivered();
    }
}
