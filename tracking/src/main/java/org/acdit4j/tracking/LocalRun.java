package org.acdit4j.tracking;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.acdit4j.framework.tracking.LoggedSteps;

/**
 * A run of a store on this machine (the mlruns folder or the SQLite database): metric points wait in
 * {@link PendingMetrics} and are written in one batch when {@link MetricBuffering} says so, on {@link #flush()}
 * and at the end; everything else is written at once.
 */
public abstract class LocalRun extends CheckedRun {

    private final Clock clock;
    private final PendingMetrics pending;

    protected LocalRun(String runId, String experimentId, LoggedSteps logged, Consumer<? super CheckedRun> onEnd,
                       Clock clock, MetricBuffering buffering) {
        super(runId, experimentId, logged, onEnd);
        this.clock = clock;
        this.pending = new PendingMetrics(buffering, clock);
    }

    /** The store's clock now, for end times. */
    protected final long nowMillis() {
        return clock.millis();
    }

    @Override
    protected final void storeMetric(String key, double value, long step) {
        if (pending.add(key, value, step)) {
            flush();
        }
    }

    @Override
    public final synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        writeMetrics(pending.points());
        pending.clear();
    }

    /** Writes a batch of metric points, oldest first. */
    protected abstract void writeMetrics(List<MetricPoint> points);
}
