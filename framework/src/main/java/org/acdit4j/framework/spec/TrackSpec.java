package org.acdit4j.framework.spec;

/**
 * The track section: what a run records while it trains.
 *
 * @param experimentName  tracking experiment (default: the experiment's name)
 * @param logEvery        steps between metric records
 * @param checkpointEvery steps between checkpoints
 * @param sampleEvery     steps between sample grids (0 = only at the end)
 * @param evaluateEvery   steps between runs of the evaluators while training, logged at their step, for
 *                        quality-against-images-seen curves (0 = only at the end)
 */
public record TrackSpec(String experimentName, int logEvery, int checkpointEvery, int sampleEvery, int evaluateEvery) {
}
