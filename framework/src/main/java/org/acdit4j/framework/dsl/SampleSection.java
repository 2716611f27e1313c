package org.acdit4j.framework.dsl;

import java.util.List;
import org.acdit4j.framework.spec.SampleSpec;

/** {@code sample}: how evaluation samples are drawn. */
public final class SampleSection extends Section {

    static final List<String> SOLVERS = List.of("ddim", "dpm-solver++");

    String solver = "ddim";
    int steps = 25;
    double guidance = 1.5;
    boolean kvCache = true;
    int batch = 100;

    public SampleSection solver(String solver) {
        this.solver = solver;
        return this;
    }

    public SampleSection steps(int stepsPerBlock) {
        this.steps = stepsPerBlock;
        return this;
    }

    public SampleSection guidance(double scale) {
        this.guidance = scale;
        return this;
    }

    public SampleSection kvCache(boolean enabled) {
        this.kvCache = enabled;
        return this;
    }

    public SampleSection batch(int imagesPerCall) {
        this.batch = imagesPerCall;
        return this;
    }

    @Override
    String key() {
        return "sample";
    }

    @Override
    void validate(Problems problems) {
        problems.oneOf("sample.solver", solver, SOLVERS);
        problems.require(steps >= 1 && steps <= 1000, "sample.steps", "must be between 1 and 1000, got " + steps);
        problems.require(guidance >= 0 && Double.isFinite(guidance), "sample.guidance", "must be >= 0, got " + guidance);
        problems.require(batch >= 1, "sample.batch", "must be at least 1, got " + batch);
    }

    SampleSpec freeze() {
        return new SampleSpec(solver, steps, guidance, kvCache, batch);
    }
}
