package org.acdit4j.framework.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.acdit4j.framework.tracking.RunStatus;
import java.util.Map;

/**
 * The content of a run folder's {@code run.json}: status and heartbeat, progress, tracker ids,
 * provenance (git, host, versions, backend), final metrics, and the reason of a failure. Its components are
 * {@code run.json}'s fields in order; code builds one by name with {@link #builder()} or {@link #toBuilder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
        String experiment,
        String run,
        int index,
        long seed,
        String preset,
        Map<String, String> assignments,
        RunStatus status,
        String started,
        String heartbeat,
        String ended,
        long step,
        long steps,
        Double lastLoss,
        String trackerRunId,
        String parentRunId,
        String failure,
        Map<String, String> provenance,
        Map<String, Double> metrics) {

    /** A record with no field set: numbers 0, maps empty, everything else absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this record. */
    public Builder toBuilder() {
        return builder().experiment(experiment).run(run).index(index).seed(seed).preset(preset)
                .assignments(assignments).status(status).started(started).heartbeat(heartbeat).ended(ended)
                .step(step).steps(steps).lastLoss(lastLoss).trackerRunId(trackerRunId).parentRunId(parentRunId)
                .failure(failure).provenance(provenance).metrics(metrics);
    }

    public RunRecord withStatus(RunStatus newStatus, String time) {
        return toBuilder().status(newStatus).heartbeat(time).ended(newStatus == RunStatus.RUNNING ? null : time)
                .build();
    }

    public RunRecord withProgress(long newStep, Double loss, String time) {
        return toBuilder().heartbeat(time).step(newStep).lastLoss(loss).build();
    }

    public RunRecord withFailure(String reason) {
        return toBuilder().failure(reason).build();
    }

    public RunRecord withTracker(String runId, String parent) {
        return toBuilder().trackerRunId(runId).parentRunId(parent).build();
    }

    public RunRecord withMetrics(Map<String, Double> values) {
        return toBuilder().metrics(Map.copyOf(values)).build();
    }

    public RunRecord started(String time, Map<String, String> runProvenance) {
        return toBuilder().status(RunStatus.RUNNING).started(started == null ? time : started).heartbeat(time)
                .ended(null).failure(null).provenance(Map.copyOf(runProvenance)).build();
    }

    /** Sets a {@link RunRecord}'s fields by name. */
    public static final class Builder {

        private String experiment;
        private String run;
        private int index;
        private long seed;
        private String preset;
        private Map<String, String> assignments = Map.of();
        private RunStatus status;
        private String started;
        private String heartbeat;
        private String ended;
        private long step;
        private long steps;
        private Double lastLoss;
        private String trackerRunId;
        private String parentRunId;
        private String failure;
        private Map<String, String> provenance = Map.of();
        private Map<String, Double> metrics = Map.of();

        private Builder() {
        }

        public Builder experiment(String experiment) {
            this.experiment = experiment;
            return this;
        }

        public Builder run(String run) {
            this.run = run;
            return this;
        }

        public Builder index(int index) {
            this.index = index;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder preset(String preset) {
            this.preset = preset;
            return this;
        }

        public Builder assignments(Map<String, String> assignments) {
            this.assignments = assignments;
            return this;
        }

        public Builder status(RunStatus status) {
            this.status = status;
            return this;
        }

        public Builder started(String started) {
            this.started = started;
            return this;
        }

        public Builder heartbeat(String heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        public Builder ended(String ended) {
            this.ended = ended;
            return this;
        }

        public Builder step(long step) {
            this.step = step;
            return this;
        }

        public Builder steps(long steps) {
            this.steps = steps;
            return this;
        }

        public Builder lastLoss(Double lastLoss) {
            this.lastLoss = lastLoss;
            return this;
        }

        public Builder trackerRunId(String trackerRunId) {
            this.trackerRunId = trackerRunId;
            return this;
        }

        public Builder parentRunId(String parentRunId) {
            this.parentRunId = parentRunId;
            return this;
        }

        public Builder failure(String failure) {
            this.failure = failure;
            return this;
        }

        public Builder provenance(Map<String, String> provenance) {
            this.provenance = provenance;
            return this;
        }

        public Builder metrics(Map<String, Double> metrics) {
            this.metrics = metrics;
            return this;
        }

        public RunRecord build() {
            return new RunRecord(experiment, run, index, seed, preset, assignments, status, started, heartbeat, ended,
                    step, steps, lastLoss, trackerRunId, parentRunId, failure, provenance, metrics);
        }
    }
}
