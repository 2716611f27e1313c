package org.acdit4j.tracking.server;

import java.time.Duration;

import org.acdit4j.tracking.MetricBuffering;

/**
 * Timing and buffering of the tracking-server path.
 *
 * @param callTimeout       deadline of one tracking call or artifact upload read
 * @param buffering         when buffered metric points are sent
 * @param firstRetryDelay   wait after the first failed delivery; doubled after each further failure
 * @param maxRetryDelay     longest wait between delivery attempts while the server is away
 * @param maxBufferedPoints metric points kept while the server is away; the oldest are dropped beyond this
 */
public record ServerSettings(Duration callTimeout, MetricBuffering buffering, Duration firstRetryDelay,
                             Duration maxRetryDelay, int maxBufferedPoints) {

    /** 15 s calls, batches of up to 1000 points or 5 s, retries from 1 s up to every 2 min, 1 M points kept. */
    public static ServerSettings defaults() {
        return new ServerSettings(Duration.ofSeconds(15), new MetricBuffering(1000, Duration.ofSeconds(5)),
                Duration.ofSeconds(1), Duration.ofMinutes(2), 1_000_000);
    }

    /** The wait before the next attempt after {@code failures} consecutive failed deliveries. */
    long retryDelayMillis(int failures) {
        long delay = firstRetryDelay.toMillis() << Math.min(failures - 1, 20);
        return Math.min(delay, maxRetryDelay.toMillis());
    }
}
