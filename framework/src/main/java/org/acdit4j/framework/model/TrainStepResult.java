package org.acdit4j.framework.model;

/** What one optimizer step reports: the step number after the update, loss, gradient norm, learning rate. */
public record TrainStepResult(long step, double loss, double gradientNorm, double learningRate) {
}
