package org.acdit4j.framework.spec;

/**
 * The training section of an experiment.
 *
 * @param steps          optimizer steps
 * @param batch          examples per step
 * @param lr             peak learning rate
 * @param beta1          Adam β1
 * @param beta2          Adam β2
 * @param weightDecay    decoupled weight decay (AdamW); 0 = Adam
 * @param gradClip       clip the global gradient norm to this value; 0 = off
 * @param schedule       {@code constant}, {@code cosine} or {@code wsd} (warmup–stable–decay)
 * @param warmupSteps    linear warm-up steps
 * @param decayFraction  share of the steps spent decaying under {@code wsd}
 * @param ema            EMA decay of the evaluation weights (with the usual (1+k)/(10+k) warm-up)
 * @param microBatches   equal parts the batch is split into, whose gradients are averaged: the same update up to
 *                       rounding, with a smaller live set per part, and the parts run side by side on the run's
 *                       threads ({@code org.acdit4j.framework.system.RunThreads})
 */
public record TrainSpec(int steps, int batch, double lr, double beta1, double beta2, double weightDecay,
                        double gradClip, LearningRateSchedule schedule, int warmupSteps, double decayFraction,
                        double ema, int microBatches) {
}
