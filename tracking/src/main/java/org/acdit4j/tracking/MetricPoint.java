package org.acdit4j.tracking;

/**
 * One logged metric value.
 *
 * @param timestampMillis wall-clock time of logging, milliseconds since the epoch
 */
public record MetricPoint(String key, double value, long timestampMillis, long step) {
}
