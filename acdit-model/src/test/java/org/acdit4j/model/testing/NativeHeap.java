package org.acdit4j.model.testing;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryLayout;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import jdk.incubator.foreign.SegmentAllocator;

/**
 * Bytes that glibc's malloc has handed out and not had back, from {@code mallinfo2()} (in-use heap chunks plus
 * in-use mmapped chunks, over all arenas): ND4J's native buffers are malloc'd, so a buffer nobody frees shows here,
 * exactly, whatever the allocator keeps resident. Called through JDK 17's incubating foreign-function API (the
 * build adds {@code jdk.incubator.foreign} for the tests).
 */
public final class NativeHeap {

    /** {@code struct mallinfo2}: ten {@code size_t} fields. */
    private static final MemoryLayout MALLINFO2 = MemoryLayout.structLayout(CLinker.C_LONG, CLinker.C_LONG,
            CLinker.C_LONG, CLinker.C_LONG, CLinker.C_LONG, CLinker.C_LONG, CLinker.C_LONG, CLinker.C_LONG,
            CLinker.C_LONG, CLinker.C_LONG);
    private static final int HBLKHD = 4;
    private static final int UORDBLKS = 7;

    private NativeHeap() {
    }

    /** Bytes malloc has handed out and not had back, now. */
    public static long bytesInUse() {
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            MethodHandle mallinfo2 = CLinker.getInstance().downcallHandle(
                    CLinker.systemLookup().lookup("mallinfo2").orElseThrow(), SegmentAllocator.ofScope(scope),
                    MethodType.methodType(MemorySegment.class), FunctionDescriptor.of(MALLINFO2));
            MemorySegment info = (MemorySegment) mallinfo2.invokeExact();
            return MemoryAccess.getLongAtIndex(info, HBLKHD) + MemoryAccess.getLongAtIndex(info, UORDBLKS);
        } catch (Throwable e) {
            throw new IllegalStateException("mallinfo2 failed: " + e, e);
        }
    }

    /**
     * {@link #bytesInUse} once unreachable arrays are gone: the least of several readings, each after a collection
     * and a pause in which ND4J's deallocator threads free what it released (the JVM's own transient malloc use, its
     * compiler threads' arenas for one, only ever adds to a reading).
     */
    public static long bytesInUseAfterCollection() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int reading = 0; reading < 8; reading++) {
            System.gc();
            Thread.sleep(25);
            least = Math.min(least, bytesInUse());
        }
        return least;
    }
}
