package org.acdit4j.framework.spec;

/** A fully resolved, validated and immutable experiment: every section with its defaults applied. */
public record ExperimentSpec(String name, String description, DataSpec data, ModelSpec model, TrainSpec train,
                             SampleSpec sample, EvaluateSpec evaluate, SweepSpec sweep, TrackSpec track,
                             ReportSpec report) {

    /** This spec with another evaluate section. */
    public ExperimentSpec withEvaluate(EvaluateSpec other) {
        return new ExperimentSpec(name, description, data, model, train, sample, other, sweep, track, report);
    }
}
