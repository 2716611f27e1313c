package org.acdit4j.model.core.train;

import org.acdit4j.framework.spec.TrainSpec;

/**
 * Learning rate at step k (0-based): linear warm-up over {@code warmupSteps}, then {@code constant},
 * {@code cosine} (to 0 at the last step) or {@code wsd} (stable, then linear decay to 0 over the last
 * {@code decayFraction} of the steps).
 */
public final class LrSchedule {

    private final TrainSpec spec;

    public LrSchedule(TrainSpec spec) {
        this.spec = spec;
    }

    public double at(long k) {
        double peak = spec.lr();
        if (k < spec.warmupSteps()) {
            return peak * (k + 1) / spec.warmupSteps();
        }
        long total = Math.max(spec.steps(), spec.warmupSteps() + 1);
        double progress = Math.min(1.0, (double) (k - spec.warmupSteps()) / (total - spec.warmupSteps()));
        return switch (spec.schedule()) {
            case CONSTANT -> peak;
            case COSINE -> peak * 0.5 * (1 + Math.cos(Math.PI * progress));
            case WSD -> {
                double decayStart = total * (1 - spec.decayFraction());
                yield k < decayStart ? peak : peak * Math.max(0.0, (total - k) / (total - decayStart));
            }
        };
    }
}
