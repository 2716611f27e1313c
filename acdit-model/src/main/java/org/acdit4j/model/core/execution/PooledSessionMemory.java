package org.acdit4j.model.core.execution;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.SessionMemMgr;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff session memory manager that reuses, from one graph call to the next, the op-output arrays of the
 * same data type, shape and order (see {@link #beginCall}).
 *
 * <p>Why: on the CPU backend every new ND4J buffer is written through once when it is allocated (≈ a memset:
 * 0.7–1 ms per 16 MB, far more while the heap grows), and the default {@code ArrayCacheMemoryMgr} holds at
 * most a quarter of the JVM's maximum memory, so in the training graph nearly every op output was a fresh
 * allocation: the profile showed ~70 % of the main thread in {@code allocateDataBuffer}. A graph run with
 * fixed shapes requests the same shapes every call, so after the first call this pool serves all of them.
 * It holds at most the arrays of the last call.
 *
 * <p>Arrays whose buffer is shared (a view, or a buffer still used elsewhere) are never pooled.
 */
public final class PooledSessionMemory extends AbstractMemoryMgr {

    private record Key(DataType type, char order, long[] shape) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.type == type && k.order == order && Arrays.equals(k.shape, shape);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * type.hashCode() + order) + Arrays.hashCode(shape);
        }
    }

    private final Map<Key, ArrayDeque<INDArray>> pool = new HashMap<>();
    private final java.util.List<INDArray> handedOut = new java.util.ArrayList<>();

    /**
     * Installs a pooled manager in the calling thread's session of {@code sd} (creating the session) and
     * recycles every array it handed out in earlier calls: SameDiff M2.1 releases almost none of its op
     * outputs to the manager (measured: 6 of 1,896 per training call), so without this nothing is reused.
     * The caller must therefore not keep any array an earlier call of {@code sd} returned: copy outputs
     * ({@code dup()}) or read them out before the next call.
     */
    public static void beginCall(SameDiff sd) {
        install(sd).recycleAll();
    }

    private static PooledSessionMemory install(SameDiff sd) {
        long thread = Thread.currentThread().getId();
        InferenceSession session = sd.getSessions().get(thread);
        if (session == null) {
            session = new InferenceSession(sd);
            sd.getSessions().put(thread, session);
        }
        SessionMemMgr current = session.getMmgr();
        if (current instanceof PooledSessionMemory p) {
            return p;
        }
        PooledSessionMemory p = new PooledSessionMemory();
        session.setMmgr(p);
        return p;
    }

    /** Makes the arrays handed out since the last recycling available again, and only those. */
    void recycleAll() {
        pool.clear();                  // keep only the last call's arrays: shapes that stopped recurring go
        for (INDArray a : handedOut) {
            put(a);
        }
        handedOut.clear();
    }

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return take(new Key(dataType, 'c', shape.clone()));
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) {
            return Nd4j.create(descriptor).detach();
        }
        return take(new Key(descriptor.dataType(), descriptor.getOrder(), descriptor.getShape().clone()));
    }

    private INDArray take(Key key) {
        ArrayDeque<INDArray> free = pool.get(key);
        INDArray a = free == null ? null : free.pollLast();
        if (a == null || a.wasClosed()) {
            a = Nd4j.createUninitializedDetached(key.type(), key.order(), key.shape());
        }
        handedOut.add(a);
        return a;
    }

    @Override
    public void release(INDArray array) {
        // Released arrays go back with everything else at the start of the next call (handedOut).
    }

    private void put(INDArray array) {
        if (array == null || array.wasClosed() || array.isEmpty() || array.isView()
                || array.data() == null || array.data().length() != array.length()
                || Nd4j.getExecutioner().useCount(array.data()) > 1) {
            return;
        }
        pool.computeIfAbsent(new Key(array.dataType(), array.ordering(), array.shape()), k -> new ArrayDeque<>())
                .addLast(array);
    }

    @Override
    public void close() {
        pool.clear();
        handedOut.clear();
    }
}
