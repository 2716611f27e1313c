package org.acdit4j.framework.spec;

/**
 * One element of a report as the definition declares it: a plot against a swept key ({@link PlotSpec}), the metrics
 * followed over training ({@link ProgressSpec}), plots by configuration ({@link ByConfigurationSpec}) and by frame
 * ({@link ByFrameSpec}), differences paired by seed ({@link PairedSpec}) and against a per-run quantity
 * ({@link PairedAgainstSpec}), loss curves ({@link LossCurvesSpec}) and sample grids ({@link SampleGridsSpec}). The
 * report renders each kind with the renderer registered for its type ({@code org.acdit4j.framework.report}).
 */
public interface ReportElementSpec {
}
