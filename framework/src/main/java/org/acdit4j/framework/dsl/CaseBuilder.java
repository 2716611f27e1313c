package org.acdit4j.framework.dsl;

import java.util.List;
import org.acdit4j.framework.model.ModelType;

/**
 * One sweep case: what it changes in the experiment's data, model, training and sampling. The keys a case
 * changes (against the body, preset and overrides) become the plan's swept assignments, which name its run and
 * label its rows in the report.
 */
public final class CaseBuilder {

    private final ExperimentBuilder target;
    private final Problems problems;

    CaseBuilder(ExperimentBuilder target, Problems problems) {
        this.target = target;
        this.problems = problems;
    }

    public CaseBuilder data(Customizer<DataSection> customizer) {
        target.data(customizer);
        return this;
    }

    public <M extends ModelSection> CaseBuilder model(ModelType<M, ?> type, Customizer<M> customizer) {
        target.model(type, customizer);
        return this;
    }

    public <S extends SamplerSection> CaseBuilder sampler(ModelType<?, S> type, Customizer<S> customizer) {
        target.sampler(type, customizer);
        return this;
    }

    public CaseBuilder train(Customizer<TrainSection> customizer) {
        target.train(customizer);
        return this;
    }

    public CaseBuilder sample(Customizer<SampleSection> customizer) {
        target.sample(customizer);
        return this;
    }

    /** Applies dotted {@code key=value} assignments: the command line's form of a case. */
    CaseBuilder assign(List<String> assignments) {
        target.apply(assignments, problems);
        return this;
    }
}
