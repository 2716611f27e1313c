package org.acdit4j.model.core.execution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.acdit4j.framework.system.RunThreads;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch's loss and gradients as the mean over its micro-batches ({@code train.microBatches}), computed on up to
 * {@code lanes} threads at once. Each lane is a training graph of its own (built from the same weight arrays, so
 * no op object is shared between threads) with its {@link CompiledGradient}; micro-batch {@code i} runs on lane
 * {@code i mod lanes}. The parts are summed in their order, so the result is the same for any number of lanes.
 */
public final class MicroBatchGradient {

    private final List<CompiledGradient> passes;
    private final ParallelLanes lanes;
    private final int threadsPerLane;

    private MicroBatchGradient(List<CompiledGradient> passes, int threadsPerLane) {
        this.passes = passes;
        this.lanes = new ParallelLanes(passes.size());
        this.threadsPerLane = threadsPerLane;
    }

    /**
     * Compiles one gradient pass per lane, as many as the run's threads ({@link RunThreads}) up to {@code parts}: the
     * first over {@code first} (the network's own training graph), the others over fresh graphs from
     * {@code trainingGraph}. Threads left over run each lane's ops side by side: all of them one lane's when the
     * batch is not split.
     */
    public static MicroBatchGradient of(SameDiff first, Supplier<SameDiff> trainingGraph, String loss,
                                        Set<String> parameters, int parts) {
        int threads = RunThreads.available();
        int lanes = Math.min(parts, threads);
        int threadsPerLane = threads / lanes;
        List<CompiledGradient> compiled = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            SameDiff sd = lane == 0 ? first : trainingGraph.get();
            GradientFunctions.ensure(sd);
            compiled.add(CompiledGradient.of(sd, loss, parameters, lanes, threadsPerLane));
        }
        return new MicroBatchGradient(List.copyOf(compiled), threadsPerLane);
    }

    /**
     * The same mean through SameDiff's session ({@code sd}'s gradient function, which must exist), one part after the
     * other: the reference the compiled lanes are tested against.
     */
    public static LossAndGradients throughSession(SameDiff sd, String loss, Collection<String> parameters,
                                                  List<Map<String, INDArray>> feeds) {
        List<LossAndGradients> results = new ArrayList<>();
        for (Map<String, INDArray> feed : feeds) {
            PooledSessionMemory.beginCall(sd.getFunction("grad"));
            OutAndGrad r = sd.calculateGradientsAndOutputs(feed, List.of(loss), parameters);
            Map<String, INDArray> gradients = new HashMap<>();              // copies: the session reuses its arrays
            r.getGradients().forEach((k, v) -> gradients.put(k, v.dup()));
            results.add(new LossAndGradients(r.getOutputs().get(loss).getDouble(0), gradients));
        }
        return LossAndGradients.mean(results);
    }

    /** Threads the gradient runs on: its lanes times each lane's threads. */
    public int threads() {
        return lanes.lanes() * threadsPerLane;
    }

    /** The mean loss and gradients of the micro-batches fed by {@code feeds}, all of one size. */
    public LossAndGradients lossAndGradients(List<Map<String, INDArray>> feeds) {
        LossAndGradients[] parts = new LossAndGradients[feeds.size()];
        lanes.run(lane -> {
            for (int i = lane; i < parts.length; i += passes.size()) {
                parts[i] = passes.get(lane).lossAndGradients(feeds.get(i));
            }
        });
        return LossAndGradients.mean(List.of(parts));
    }
}
