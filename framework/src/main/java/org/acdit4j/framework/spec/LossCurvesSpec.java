package org.acdit4j.framework.spec;

/** The training loss of every run against its step, one line per run; every report has them. */
public record LossCurvesSpec() implements ReportElementSpec {
}
