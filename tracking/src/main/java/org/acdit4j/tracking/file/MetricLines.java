package org.acdit4j.tracking.file;

import java.util.Optional;

import org.acdit4j.tracking.MetricPoint;

/**
 * MLflow's metric file lines: {@code <timestamp_ms> <value> <step>} separated by single spaces, one per line,
 * each ending in a newline. Values are written so that Python's {@code float()} reads them back exactly
 * ({@code nan}, {@code inf}, {@code -inf} for the special values).
 */
final class MetricLines {

    private MetricLines() {
    }

    static String format(MetricPoint point) {
        return point.timestampMillis() + " " + formatValue(point.value()) + " " + point.step() + "\n";
    }

    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }

    /** Parses one line by MLflow's rule (two or three fields, a missing step is 0); empty when malformed. */
    static Optional<MetricPoint> parse(String key, String line) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 2 && parts.length != 3) {
            return Optional.empty();
        }
        try {
            long timestamp = Long.parseLong(parts[0]);
            double value = parseValue(parts[1]);
            long step = parts.length == 3 ? Long.parseLong(parts[2]) : 0;
            return Optional.of(new MetricPoint(key, value, timestamp, step));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double parseValue(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(text);
    }
}
