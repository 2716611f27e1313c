package org.acdit4j.model.core.execution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a {@link CompiledGraph}'s ops on several threads at once, each op as soon as the ops producing its inputs have
 * run: inter-op parallelism. A training step's graph has independent streams (the clean context's and the noised
 * tokens' forward and backward passes, the weight and input gradients of each layer), so two threads run it in
 * little more than its longest chain of dependent ops (docs/PERFORMANCE.md, thirteenth round). Every op computes
 * what it computes on one thread, from the same inputs, so the results are the same bits in any order.
 *
 * <p>Among the ready ops a free thread takes the one with the longest chain of dependent op time after it (the
 * critical path first), from op times measured on a sequential call. The threads are the calling thread and lanes
 * of {@link ParallelLanes}' shared pool; a thread with nothing ready spins briefly, as the next op is usually a
 * few microseconds away.
 */
final class OpSchedule {

    private final int[][] successors;
    private final int[] predecessorCounts;
    /** Longest chain of op time from an op to the end of the graph, itself included: the ready ops' order. */
    private final long[] criticalPathNanos;

    private OpSchedule(int[][] successors, int[] predecessorCounts, long[] criticalPathNanos) {
        this.successors = successors;
        this.predecessorCounts = predecessorCounts;
        this.criticalPathNanos = criticalPathNanos;
    }

    /**
     * The schedule of {@code ops} (in a topological order) whose slots {@code slotCount} numbers, with the op times
     * {@code opNanos} of one sequential call.
     */
    static OpSchedule of(List<GraphOp> ops, int slotCount, long[] opNanos) {
        int n = ops.size();
        int[] producer = new int[slotCount];
        Arrays.fill(producer, -1);
        for (int i = 0; i < n; i++) {
            for (int slot : ops.get(i).outputSlots()) {
                producer[slot] = i;
            }
        }
        List<List<Integer>> successorLists = new ArrayList<>();
        int[] predecessorCounts = new int[n];
        for (int i = 0; i < n; i++) {
            successorLists.add(new ArrayList<>());
        }
        int[] lastReaderOf = new int[n];                                     // producer → the latest op reading it
        Arrays.fill(lastReaderOf, -1);
        for (int i = 0; i < n; i++) {
            for (int slot : ops.get(i).inputSlots()) {
                int p = producer[slot];
                if (p >= 0 && lastReaderOf[p] != i) {
                    lastReaderOf[p] = i;
                    successorLists.get(p).add(i);
                    predecessorCounts[i]++;
                }
            }
        }
        int[][] successors = successorLists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        long[] critical = new long[n];
        for (int i = n - 1; i >= 0; i--) {
            long longestAfter = 0;
            for (int s : successors[i]) {
                longestAfter = Math.max(longestAfter, critical[s]);
            }
            critical[i] = Math.max(1, opNanos[i]) + longestAfter;
        }
        return new OpSchedule(successors, predecessorCounts, critical);
    }

    /** Per op, in order: the longest chain of op time from it to the end of the graph, itself included. */
    long[] criticalPathNanos() {
        return criticalPathNanos.clone();
    }

    /** Runs every op once on {@code threads} threads, reading and writing {@code slots}; returns when all have run. */
    void run(List<GraphOp> ops, INDArray[] slots, int threads) {
        Call call = new Call(ops, slots);
        new ParallelLanes(threads).run(lane -> call.work());
        if (call.failure != null) {
            throw call.failure;
        }
    }

    /** One call's state: which ops wait for how many producers, which are ready, how many have run. */
    private final class Call {
        private final List<GraphOp> ops;
        private final INDArray[] slots;
        private final int[] waitingFor;
        /** Ready ops as a binary max-heap by {@link #criticalPathNanos}. */
        private final int[] ready;
        /** Written under the call's lock, read without it by threads waiting for work. */
        private volatile int readyCount;
        private int finished;
        private volatile boolean over;
        private RuntimeException failure;

        Call(List<GraphOp> ops, INDArray[] slots) {
            this.ops = ops;
            this.slots = slots;
            this.waitingFor = predecessorCounts.clone();
            this.ready = new int[ops.size()];
            for (int i = 0; i < waitingFor.length; i++) {
                if (waitingFor[i] == 0) {
                    push(i);
                }
            }
            over = ops.isEmpty();
        }

        /** A thread's loop: take the most critical ready op, run it, release its successors, until all have run. */
        void work() {
            int op = -1;
            while (true) {
                int next;
                synchronized (this) {
                    if (op >= 0) {
                        finished++;
                        for (int s : successors[op]) {
                            if (--waitingFor[s] == 0) {
                                push(s);
                            }
                        }
                        if (finished == ops.size()) {
                            over = true;
                        }
                    }
                    next = over ? -1 : pop();
                }
                if (next < 0) {
                    if (!awaitReadyOp()) {
                        return;
                    }
                    op = -1;
                    continue;
                }
                try {
                    ops.get(next).run(slots);
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                        }
                        over = true;
                    }
                    return;
                }
                op = next;
            }
        }

        /** Spins until an op may be ready or the call is over; false when it is over. */
        private boolean awaitReadyOp() {
            int spins = 0;
            while (!over) {
                if (readyCount > 0) {
                    return true;
                }
                if (++spins < 10_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return false;
        }

        private void push(int op) {
            int i = readyCount++;
            ready[i] = op;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (criticalPathNanos[ready[parent]] >= criticalPathNanos[ready[i]]) {
                    break;
                }
                swap(i, parent);
                i = parent;
            }
        }

        /** The ready op with the longest critical path, or -1 when none is ready. */
        private int pop() {
            if (readyCount == 0) {
                return -1;
            }
            int top = ready[0];
            ready[0] = ready[--readyCount];
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                int largest = i;
                if (left < readyCount && criticalPathNanos[ready[left]] > criticalPathNanos[ready[largest]]) {
                    largest = left;
                }
                if (left + 1 < readyCount && criticalPathNanos[ready[left + 1]] > criticalPathNanos[ready[largest]]) {
                    largest = left + 1;
                }
                if (largest == i) {
                    return top;
                }
                swap(i, largest);
                i = largest;
            }
        }

        private void swap(int a, int b) {
            int t = ready[a];
            ready[a] = ready[b];
            ready[b] = t;
        }
    }
}
