package org.acdit4j.framework.spec;

import java.util.List;

/**
 * The track section: what a run records while it trains.
 *
 * @param experimentName  tracking experiment (default: the experiment's name)
 * @param logEvery        steps between metric records
 * @param checkpointEvery steps between checkpoints
 * @param sampleEvery     steps between sample grids (0 = only at the end)
 * @param evaluateEvery   steps between evaluations while training, logged at their step, for quality against
 *                        images seen and compute (0 = only at the end)
 * @param evaluateWith    the evaluators of those evaluations (empty = all of the evaluate section's)
 * @param evaluateSamples generated images per evaluation while training (0 = the evaluate section's count)
 * @param reuseTraining   start from the final checkpoint of a finished run, of any experiment in the same runs
 *                        folder, that trained the same data, model and train sections with the same seed
 */
public record TrackSpec(String experimentName, int logEvery, int checkpointEvery, int sampleEvery, int evaluateEvery,
                        List<String> evaluateWith, int evaluateSamples, boolean reuseTraining) {

    public TrackSpec {
        evaluateWith = List.copyOf(evaluateWith);
    }

    /** The evaluate section of the evaluations while training: {@code atEnd} with this section's choices. */
    public EvaluateSpec whileTraining(EvaluateSpec atEnd) {
        return new EvaluateSpec(evaluateWith.isEmpty() ? atEnd.evaluators() : evaluateWith,
                evaluateSamples > 0 ? evaluateSamples : atEnd.samples(), atEnd.guidances());
    }
}
