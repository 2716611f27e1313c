package org.acdit4j.model.core.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one task per lane at once and waits for all of them: how a run keeps several cores busy with independent
 * work (micro-batches of a training step, parts of a sampling call), each lane on objects of its own. ND4J's kernels
 * stay single-threaded ({@code OMP_NUM_THREADS=1}); the lanes are the parallelism.
 *
 * <p>Every instance in the JVM draws its threads from one shared pool of daemon threads, which reuses an idle
 * thread before it starts another. A thread that allocates native memory gets a glibc malloc arena of its own, and
 * under the launcher's malloc settings (no trimming) an arena keeps what it once held: with a pool per instance,
 * each new model's lanes were new threads with new arenas while the old ones stayed attached to idle threads, so the
 * resident set grew by about one model's working set per model (docs/PERFORMANCE.md, eleventh round).
 */
public final class ParallelLanes {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService SHARED_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "acdit-lane-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final int lanes;

    public ParallelLanes(int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("a run needs at least one lane, got " + lanes);
        }
        this.lanes = lanes;
    }

    public int lanes() {
        return lanes;
    }

    /**
     * Runs {@code task} for lanes {@code 0..lanes-1} at once, lane 0 on the calling thread, and returns when all have;
     * the failure of the first failing lane (in lane order) is rethrown.
     */
    public void run(IntConsumer task) {
        if (lanes == 1) {
            task.accept(0);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int lane = 1; lane < lanes; lane++) {
            int index = lane;
            running.add(SHARED_THREADS.submit(() -> task.accept(index)));
        }
        RuntimeException failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
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
