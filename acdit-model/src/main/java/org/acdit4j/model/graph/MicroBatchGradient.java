package org.acdit4j.model.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch's loss and gradients as the mean over its micro-batches ({@code train.microBatches}), computed on up to
 * {@code lanes} threads at once. Each lane is a training graph of its own (built from the same weight arrays, so
 * no op object is shared between threads) with its {@link CompiledGradient}; micro-batch {@code i} runs on lane
 * {@code i mod lanes}. The parts are summed in their order, so the result is the same for any number of lanes.
 */
public final class MicroBatchGradient {

    private final List<CompiledGradient> lanes;
    /** The lanes' threads; none with one lane (the caller's thread computes every part). */
    private final ExecutorService threads;

    private MicroBatchGradient(List<CompiledGradient> lanes) {
        this.lanes = lanes;
        this.threads = lanes.size() == 1 ? null : Executors.newFixedThreadPool(lanes.size(), runnable -> {
            Thread thread = new Thread(runnable, "micro-batch-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Compiles {@code lanes} gradient passes: the first over {@code first} (the network's own training graph), the
     * others over fresh graphs from {@code trainingGraph}.
     */
    public static MicroBatchGradient of(SameDiff first, Supplier<SameDiff> trainingGraph, String loss, Set<String> parameters,
                                 int lanes) {
        List<CompiledGradient> compiled = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            SameDiff sd = lane == 0 ? first : trainingGraph.get();
            GradientFunctions.ensure(sd);
            compiled.add(CompiledGradient.of(sd, loss, parameters));
        }
        return new MicroBatchGradient(List.copyOf(compiled));
    }

    public int lanes() {
        return lanes.size();
    }

    /** The mean loss and gradients of the micro-batches fed by {@code feeds}, all of one size. */
    public LossAndGradients lossAndGradients(List<Map<String, INDArray>> feeds) {
        LossAndGradients[] parts = new LossAndGradients[feeds.size()];
        if (threads == null) {
            for (int i = 0; i < parts.length; i++) {
                parts[i] = lanes.get(0).lossAndGradients(feeds.get(i));
            }
            return LossAndGradients.mean(List.of(parts));
        }
        List<Future<?>> running = new ArrayList<>();
        for (int lane = 0; lane < lanes.size(); lane++) {
            int first = lane;
            running.add(threads.submit(() -> {
                for (int i = first; i < parts.length; i += lanes.size()) {
                    parts[i] = lanes.get(first).lossAndGradients(feeds.get(i));
                }
            }));
        }
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while computing micro-batch gradients", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return LossAndGradients.mean(List.of(parts));
    }
}
