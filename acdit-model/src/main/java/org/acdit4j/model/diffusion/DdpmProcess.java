package org.acdit4j.model.diffusion;

import org.acdit4j.model.core.HostRandom;

/**
 * The paper's DDPM forward process (Ho et al. 2020): {@link NoiseSchedule#ddpm()}'s 1000 discrete steps, a uniform
 * step per training block, α = √ᾱ_t and σ = √(1-ᾱ_t); sampled on {@link NoiseSchedule#samplingGrid}. What the
 * network predicts there is the subclass's: ε ({@link EpsilonPrediction}) or v ({@link VPrediction}).
 */
public abstract sealed class DdpmProcess implements DiffusionProcess permits EpsilonPrediction, VPrediction {

    private final NoiseSchedule schedule;

    DdpmProcess(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    /** The level of DDPM step {@code t}; {@code t = -1} is the clean data. */
    public NoiseLevel level(int t) {
        double alphaBar = schedule.alphaBar(t);
        return new NoiseLevel(Math.max(t, 0), Math.sqrt(alphaBar), Math.sqrt(1 - alphaBar));
    }

    @Override
    public NoiseLevel drawTrainingLevel(HostRandom random) {
        return level(random.nextInt(schedule.steps()));
    }

    @Override
    public NoiseLevel[] samplingGrid(int steps) {
        int[] grid = schedule.samplingGrid(steps);
        NoiseLevel[] levels = new NoiseLevel[grid.length];
        for (int k = 0; k < grid.length; k++) {
            levels[k] = level(grid[k]);
        }
        return levels;
    }
}
