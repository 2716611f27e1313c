package org.acdit4j.framework.run;

/** Formats seconds as {@code 1h02m}, {@code 3m05s} or {@code 12s}. */
public final class Durations {

    private Durations() {
    }

    public static String format(double seconds) {
        long total = Math.round(Math.max(0, seconds));
        if (total >= 3600) {
            return String.format("%dh%02dm", total / 3600, total % 3600 / 60);
        }
        if (total >= 60) {
            return String.format("%dm%02ds", total / 60, total % 60);
        }
        return total + "s";
    }
}
