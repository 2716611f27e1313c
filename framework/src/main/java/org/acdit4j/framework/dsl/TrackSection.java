package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.List;

import org.acdit4j.framework.spec.TrackSpec;

/** {@code track}: what a run records while it trains. */
public final class TrackSection extends Section {

    String experimentName = "";
    int logEvery = 25;
    int checkpointEvery = 500;
    int sampleEvery = 0;
    int evaluateEvery = 0;
    List<String> evaluateWith = new ArrayList<>();
    int evaluateSamples = 0;
    boolean reuseTraining = true;

    public TrackSection experimentName(String name) {
        this.experimentName = name;
        return this;
    }

    public TrackSection logEvery(int steps) {
        this.logEvery = steps;
        return this;
    }

    public TrackSection checkpointEvery(int steps) {
        this.checkpointEvery = steps;
        return this;
    }

    public TrackSection sampleEvery(int steps) {
        this.sampleEvery = steps;
        return this;
    }

    public TrackSection evaluateEvery(int steps) {
        this.evaluateEvery = steps;
        return this;
    }

    /** The evaluators run every {@link #evaluateEvery} steps (default: all of the evaluate section's). */
    public TrackSection evaluateWith(String... evaluators) {
        this.evaluateWith = new ArrayList<>(List.of(evaluators));
        return this;
    }

    /** Generated images per evaluation while training (default: the evaluate section's count). */
    public TrackSection evaluateSamples(int images) {
        this.evaluateSamples = images;
        return this;
    }

    /**
     * Whether a run may start from the final checkpoint of an identical finished training (same data, model and
     * train sections and seed) found in another experiment's run folder, instead of training again (default true).
     */
    public TrackSection reuseTraining(boolean enabled) {
        this.reuseTraining = enabled;
        return this;
    }

    @Override
    protected String key() {
        return "track";
    }

    @Override
    protected void validate(Problems problems) {
        problems.require(logEvery >= 1, "track.logEvery", "must be at least 1, got " + logEvery);
        problems.require(checkpointEvery >= 1, "track.checkpointEvery", "must be at least 1, got " + checkpointEvery);
        problems.require(sampleEvery >= 0, "track.sampleEvery", "must be >= 0 (0 = only at the end), got " + sampleEvery);
        problems.require(evaluateEvery >= 0, "track.evaluateEvery", "must be >= 0 (0 = only at the end), got "
                + evaluateEvery);
        problems.require(evaluateSamples >= 0, "track.evaluateSamples", "must be >= 0 (0 = evaluate.samples), got "
                + evaluateSamples);
    }

    /** The evaluators run while training must be among those of the evaluate section. */
    void validateAgainst(EvaluateSection evaluate, Problems problems) {
        for (String evaluator : evaluateWith) {
            problems.require(evaluate.evaluators.contains(evaluator), "track.evaluateWith",
                    "'" + evaluator + "' is not in evaluate.evaluators " + evaluate.evaluators);
        }
    }

    TrackSpec freeze(String experiment) {
        return new TrackSpec(experimentName.isBlank() ? experiment : experimentName, logEvery, checkpointEvery,
                sampleEvery, evaluateEvery, evaluateWith, evaluateSamples, reuseTraining);
    }
}
