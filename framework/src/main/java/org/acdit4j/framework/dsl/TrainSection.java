package org.acdit4j.framework.dsl;

import java.util.List;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;

/** {@code train}: the optimisation recipe. */
public final class TrainSection extends Section {

    int steps = 1000;
    int batch = 64;
    double lr = 3e-4;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double weightDecay = 0.0;
    double gradClip = 1.0;
    LearningRateSchedule schedule = LearningRateSchedule.WSD;
    int warmupSteps = 100;
    double decayFraction = 0.15;
    double ema = 0.999;
    int microBatches = 1;

    public TrainSection steps(int steps) {
        this.steps = steps;
        return this;
    }

    public TrainSection batch(int batch) {
        this.batch = batch;
        return this;
    }

    public TrainSection lr(double lr) {
        this.lr = lr;
        return this;
    }

    public TrainSection betas(double beta1, double beta2) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    public TrainSection weightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
        return this;
    }

    public TrainSection gradClip(double maxNorm) {
        this.gradClip = maxNorm;
        return this;
    }

    public TrainSection schedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
        return this;
    }

    public TrainSection warmupSteps(int steps) {
        this.warmupSteps = steps;
        return this;
    }

    public TrainSection decayFraction(double fraction) {
        this.decayFraction = fraction;
        return this;
    }

    public TrainSection ema(double decay) {
        this.ema = decay;
        return this;
    }

    /** Splits each batch into {@code parts} equal micro-batches whose gradients are averaged ({@link TrainSpec}). */
    public TrainSection microBatches(int parts) {
        this.microBatches = parts;
        return this;
    }

    @Override
    protected String key() {
        return "train";
    }

    @Override
    protected void validate(Problems problems) {
        problems.require(steps >= 1, "train.steps", "must be at least 1, got " + steps);
        problems.require(batch >= 1, "train.batch", "must be at least 1, got " + batch);
        problems.require(lr > 0 && Double.isFinite(lr), "train.lr", "must be a positive number, got " + lr);
        problems.require(beta1 >= 0 && beta1 < 1, "train.beta1", "must be in [0, 1), got " + beta1);
        problems.require(beta2 >= 0 && beta2 < 1, "train.beta2", "must be in [0, 1), got " + beta2);
        problems.require(weightDecay >= 0, "train.weightDecay", "must be >= 0, got " + weightDecay);
        problems.require(gradClip >= 0, "train.gradClip", "must be >= 0 (0 = off), got " + gradClip);
        problems.require(steps < 1 || warmupSteps >= 0 && warmupSteps <= steps, "train.warmupSteps",
                "must be between 0 and train.steps (" + steps + "), got " + warmupSteps);
        problems.require(decayFraction >= 0 && decayFraction <= 1, "train.decayFraction",
                "must be in [0, 1], got " + decayFraction);
        problems.require(ema >= 0 && ema < 1, "train.ema", "must be in [0, 1), got " + ema);
        problems.require(batch < 1 || microBatches >= 1 && batch % microBatches == 0, "train.microBatches",
                "must be at least 1 and divide train.batch (" + batch + "), got " + microBatches);
    }

    /**
     * The frozen section on its own, for what trains outside an experiment (a benchmark, a fine-tuning optimizer, a
     * test): its values by name instead of {@link TrainSpec}'s twelve positions.
     *
     * @throws SpecException listing every problem of the section
     */
    public TrainSpec build() {
        Problems problems = new Problems();
        validate(problems);
        new DottedKeys(List.of(this), List.of()).requireConstants(problems);
        problems.throwIfAny("train section");
        return freeze();
    }

    TrainSpec freeze() {
        return new TrainSpec(steps, batch, lr, beta1, beta2, weightDecay, gradClip, schedule, warmupSteps,
                decayFraction, ema, microBatches);
    }
}
