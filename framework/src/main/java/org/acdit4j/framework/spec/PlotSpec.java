package org.acdit4j.framework.spec;

/** A report plot: a metric (y) against a swept parameter (x), mean and 95% CI over seeds. */
public record PlotSpec(String metric, String parameter) implements ReportElementSpec {
}
