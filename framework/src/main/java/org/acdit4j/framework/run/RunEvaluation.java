package org.acdit4j.framework.run;

import java.nio.file.Path;
import java.util.Map;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.spec.ExperimentSpec;

/** What a run does after training: the spec's evaluators on the trained model, as named metrics. */
@FunctionalInterface
public interface RunEvaluation {

    /**
     * @param outputDir a folder for artifacts (sample grids, tables); files left there are logged as artifacts
     */
    Map<String, Double> evaluate(GenerativeModel model, Dataset dataset, ExperimentSpec spec, long seed, Path outputDir);
}
