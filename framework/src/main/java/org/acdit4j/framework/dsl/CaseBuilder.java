package org.acdit4j.framework.dsl;

import java.util.List;
import org.acdit4j.framework.model.ModelType;

/**
 * One sweep case: what it changes in the experiment's data, model, training and sampling, and optionally the name
 * a reader knows it by. The keys a case changes (against the body, preset and overrides) become the plan's swept
 * assignments, which name its run; its name (or, without one, the model plugin's description of those values, or
 * the keys) labels its rows in the report, its lines in plots and its MLflow run's description.
 */
public final class CaseBuilder {

    private final ExperimentBuilder target;
    private final Problems problems;
    private String name = "";

    CaseBuilder(ExperimentBuilder target, Problems problems) {
        this.target = target;
        this.problems = problems;
    }

    /** The case's label in tables, plots, {@code acdit plan} and MLflow, e.g. {@code "DiT (AR length 1)"}. */
    public CaseBuilder named(String label) {
        problems.require(!label.isBlank(), "named", "a case's name must not be blank");
        name = label.strip();
        return this;
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

    String name() {
        return name;
    }

    /** Applies dotted {@code key=value} assignments: the command line's form of a case. */
    CaseBuilder assign(List<String> assignments) {
        target.apply(assignments, problems);
        return this;
    }
}
