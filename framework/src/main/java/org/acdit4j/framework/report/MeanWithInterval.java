package org.acdit4j.framework.report;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Mean of a metric across seeds with the half-width of its two-sided 95% Student-t confidence interval
 * ({@code NaN} half-width for a single value).
 */
public record MeanWithInterval(int n, double mean, double halfWidth, double min, double max) {

    public static MeanWithInterval of(List<Double> values) {
        SummaryStatistics statistics = new SummaryStatistics();
        values.forEach(statistics::addValue);
        double halfWidth = Double.NaN;
        if (values.size() > 1) {
            double t = new TDistribution(values.size() - 1).inverseCumulativeProbability(0.975);
            halfWidth = t * statistics.getStandardDeviation() / Math.sqrt(values.size());
        }
        return new MeanWithInterval(values.size(), statistics.getMean(), halfWidth, statistics.getMin(), statistics.getMax());
    }

    /** {@code 12.3 ± 0.4} (or just the mean when there is one value). */
    public String format() {
        return Double.isNaN(halfWidth) ? number(mean) : number(mean) + " ± " + number(halfWidth);
    }

    static String number(double value) {
        if (value == 0 || Double.isNaN(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        return magnitude >= 1000 || magnitude < 0.001 ? String.format("%.3e", value) : String.format("%.4g", value);
    }
}
