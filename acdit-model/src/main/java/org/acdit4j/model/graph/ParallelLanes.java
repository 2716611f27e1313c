package org.acdit4j.model.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Daemon threads that run one task per lane at once and wait for all of them: how a run keeps several cores busy
 * with independent work (micro-batches of a training step, parts of a sampling call), each lane on objects of its
 * own. ND4J's kernels stay single-threaded ({@code OMP_NUM_THREADS=1}); the lanes are the parallelism.
 */
public final class ParallelLanes {

    private final int lanes;
    /** None for one lane: the caller's thread runs it. */
    private final ExecutorService threads;

    public ParallelLanes(int lanes, String name) {
        if (lanes < 1) {
            throw new IllegalArgumentException("a run needs at least one lane, got " + lanes);
        }
        this.lanes = lanes;
        this.threads = lanes == 1 ? null : Executors.newFixedThreadPool(lanes, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public int lanes() {
        return lanes;
    }

    /** Runs {@code task} for lanes {@code 0..lanes-1} at once and returns when all have; a lane's failure is rethrown. */
    public void run(IntConsumer task) {
        if (threads == null) {
            task.accept(0);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int index = lane;
            running.add(threads.submit(() -> task.accept(index)));
        }
        RuntimeException failure = null;
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while waiting for the run's lanes", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
