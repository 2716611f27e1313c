package org.acdit4j.tracking;

import java.time.Duration;

/**
 * When buffered metric points are written out: as soon as {@code maxPoints} are pending or the oldest pending
 * point is {@code maxDelay} old (checked on each {@code logMetric}), and always on flush, end and close.
 */
public record MetricBuffering(int maxPoints, Duration maxDelay) {

    /** Writes every point at once (slowest, loses nothing when the process is killed). */
    public static final MetricBuffering UNBUFFERED = new MetricBuffering(1, Duration.ZERO);

    public MetricBuffering {
        if (maxPoints < 1) {
            throw new TrackingException("metric buffering maxPoints is " + maxPoints + "; at least 1 is required");
        }
        if (maxDelay.isNegative()) {
            throw new TrackingException("metric buffering maxDelay is " + maxDelay + "; it must not be negative");
        }
    }

    /** Up to 1000 points or 2 seconds. */
    public static MetricBuffering defaults() {
        return new MetricBuffering(1000, Duration.ofSeconds(2));
    }

    /** True when {@code pending} points, the oldest logged at {@code oldestMillis}, should be written now. */
    public boolean isDue(int pending, long oldestMillis, long nowMillis) {
        return pending >= maxPoints || (pending > 0 && nowMillis - oldestMillis >= maxDelay.toMillis());
    }
}
