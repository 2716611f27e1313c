package org.acdit4j.framework.run;

import java.nio.file.Path;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.spec.ExperimentSpec;

/** What a run does after training: the spec's evaluators on the trained model. */
@FunctionalInterface
public interface RunEvaluation {

    /**
     * @param outputDir a folder for artifacts (sample grids, tables); files listed in the result are logged
     */
    EvaluationResult evaluate(GenerativeModel model, Dataset dataset, ExperimentSpec spec, long seed, Path outputDir);
}
