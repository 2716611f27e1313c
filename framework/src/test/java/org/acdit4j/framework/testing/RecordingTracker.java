package org.acdit4j.framework.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedExperiment;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.framework.tracking.Tracker;

/** An in-memory tracker for framework tests (the real stores live in the tracking module). */
public final class RecordingTracker implements Tracker {

    /** Everything logged to one run. */
    public static final class Run implements TrackedRun {
        public final String id = UUID.randomUUID().toString().replace("-", "");
        public final RunStart start;
        public final Map<String, String> params = new LinkedHashMap<>();
        public final Map<String, String> tags = new LinkedHashMap<>();
        public final List<String> metrics = new ArrayList<>();
        public final List<String> artifacts = new ArrayList<>();
        public RunStatus status = RunStatus.RUNNING;
        private LoggedSteps loggedWhenOpened = LoggedSteps.NONE;

        Run(RunStart start) {
            this.start = start;
        }

        @Override
        public String runId() {
            return id;
        }

        @Override
        public String experimentId() {
            return start.experimentName();
        }

        @Override
        public synchronized void logParams(Map<String, String> values) {
            params.putAll(values);
        }

        @Override
        public synchronized void setTags(Map<String, String> values) {
            tags.putAll(values);
        }

        @Override
        public synchronized LoggedSteps loggedSteps() {
            return loggedWhenOpened;
        }

        @Override
        public synchronized void logMetric(String key, double value, long step) {
            metrics.add(key + "@" + step + "=" + value);
        }

        /** As the real stores do on resume: notes where each metric's history ends. */
        synchronized void resume() {
            status = RunStatus.RUNNING;
            Map<String, Long> lastSteps = new HashMap<>();
            for (String line : metrics) {
                String key = line.substring(0, line.indexOf('@'));
                long step = Long.parseLong(line.substring(line.indexOf('@') + 1, line.indexOf('=')));
                lastSteps.merge(key, step, Math::max);
            }
            loggedWhenOpened = new LoggedSteps(lastSteps);
        }

        @Override
        public synchronized void logArtifact(Path file, String artifactPath) {
            artifacts.add(artifactPath);
        }

        @Override
        public void flush() {
        }

        @Override
        public synchronized void end(RunStatus endStatus) {
            status = endStatus;
        }
    }

    public final Map<String, Run> runs = new LinkedHashMap<>();

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public synchronized TrackedRun startRun(RunStart start) {
        Run run = new Run(start);
        runs.put(run.id, run);
        return run;
    }

    @Override
    public synchronized TrackedRun resumeRun(String runId) {
        Run run = runs.get(runId);
        if (run == null) {
            throw new IllegalArgumentException("no run " + runId);
        }
        run.resume();
        return run;
    }

    @Override
    public List<TrackedExperiment> experiments() {
        return List.of();
    }

    @Override
    public List<RunSummary> runs(String experimentId) {
        return List.of();
    }

    @Override
    public void close() {
    }
}
