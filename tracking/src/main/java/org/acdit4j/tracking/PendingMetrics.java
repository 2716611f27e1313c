package org.acdit4j.tracking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The metric points a local store's run has logged but not yet written, released in batches when
 * {@link MetricBuffering} says so. Not thread-safe: the run that owns it synchronises.
 */
public final class PendingMetrics {

    private final MetricBuffering buffering;
    private final Clock clock;
    private final List<MetricPoint> points = new ArrayList<>();

    public PendingMetrics(MetricBuffering buffering, Clock clock) {
        this.buffering = buffering;
        this.clock = clock;
    }

    /** Adds a point stamped now; true when the batch should be written. */
    public boolean add(String key, double value, long step) {
        points.add(new MetricPoint(key, value, clock.millis(), step));
        return buffering.isDue(points.size(), points.get(0).timestampMillis(), clock.millis());
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** The waiting points, oldest first. */
    public List<MetricPoint> points() {
        return List.copyOf(points);
    }

    /** Forgets the points once they are written. */
    public void clear() {
        points.clear();
    }
}
