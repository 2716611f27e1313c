package org.acdit4j.model.core.execution;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's training graph, built on first use, and a batch's loss and gradients on it from the feeds of its
 * micro-batches: compiled and run side by side ({@link MicroBatchGradient}, its lanes built on the first call) when
 * the execution is {@link GraphExecution#COMPILED}, one after the other through SameDiff's session otherwise.
 */
public final class TrainingGraph {

    private final Supplier<SameDiff> build;
    private final String loss;
    private final GraphExecution execution;
    private SameDiff sameDiff;
    /** The gradient function compiled, per lane of micro-batches, built on the first call. */
    private MicroBatchGradient lanes;

    /**
     * @param build     a fresh training graph on the network's weight arrays (one per lane)
     * @param loss      the name of its loss
     * @param execution how the gradient runs
     */
    public TrainingGraph(Supplier<SameDiff> build, String loss, GraphExecution execution) {
        this.build = build;
        this.loss = loss;
        this.execution = execution;
    }

    /** The training graph (built on first use). */
    public SameDiff sameDiff() {
        if (sameDiff == null) {
            sameDiff = build.get();
        }
        return sameDiff;
    }

    /** The mean loss and gradients of {@code parameters} over the micro-batches {@code feeds} describe. */
    public LossAndGradients lossAndGradients(List<Map<String, INDArray>> feeds, Set<String> parameters) {
        SameDiff sd = sameDiff();
        GradientFunctions.ensure(sd);
        if (execution == GraphExecution.COMPILED) {
            if (lanes == null) {
                lanes = MicroBatchGradient.of(sd, build, loss, parameters, feeds.size());
            }
            return lanes.lossAndGradients(feeds);
        }
        return MicroBatchGradient.throughSession(sd, loss, parameters, feeds);
    }

    /** Threads the gradient runs on: 1 until the first call, then its lanes times each lane's threads. */
    public int threads() {
        return lanes == null ? 1 : lanes.threads();
    }
}
