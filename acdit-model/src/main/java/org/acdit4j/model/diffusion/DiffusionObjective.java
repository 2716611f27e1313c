package org.acdit4j.model.diffusion;

/**
 * What ACDiT's network learns to predict, and on which noise path ({@code model.objective}); bound from the command
 * line by its {@link #toString()} name. The network, SCAM, the KV-cache, classifier-free guidance and the per-block
 * timesteps are the same for all three; docs/MODEL.md, "Objectives", gives the formulas and their sources.
 */
public enum DiffusionObjective {

    /** The paper's DDPM ε-prediction on linear betas ({@link EpsilonPrediction}). */
    EPSILON("epsilon"),
    /** v-prediction on the same DDPM schedule ({@link VPrediction}). */
    V("v"),
    /** Flow matching on the straight path with velocity prediction and logit-normal times ({@link RectifiedFlow}). */
    FLOW("flow");

    private final String name;

    DiffusionObjective(String name) {
        this.name = name;
    }

    /** The host-side process of this objective, on the paper's DDPM schedule where it has one. */
    public DiffusionProcess process() {
        return switch (this) {
            case EPSILON -> new EpsilonPrediction(NoiseSchedule.ddpm());
            case V -> new VPrediction(NoiseSchedule.ddpm());
            case FLOW -> new RectifiedFlow();
        };
    }

    /** The command-line name: {@code epsilon}, {@code v} or {@code flow}. */
    @Override
    public String toString() {
        return name;
    }
}
