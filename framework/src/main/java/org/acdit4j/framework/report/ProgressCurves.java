package org.acdit4j.framework.report;

import java.util.List;
import org.acdit4j.framework.run.EvaluationProgress;
import org.acdit4j.framework.run.RunRecord;

/** A run's evaluations of one metric while training that a report may compare, in step order. */
@FunctionalInterface
interface ProgressCurves {

    List<EvaluationProgress.Point> of(RunRecord run, String metric);
}
