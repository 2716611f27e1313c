package org.acdit4j.model.core.execution;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.common.util.ArrayUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes the arrays of a call's feeds from host values and frees them after the call. ND4J frees native memory only
 * when Java collects an array otherwise, and the feeds of a training step were most of what it left behind (the
 * timestep features alone 12.6 MB at the 32×32 reference model; docs/PERFORMANCE.md, fifteenth round).
 */
public final class FeedArrays {

    private FeedArrays() {
    }

    /**
     * A new array of {@code shape} holding {@code values} (in c order) as {@code type}, filled by one bulk copy:
     * {@code Nd4j.createFromArray} copies element by element (2.8 against 1.2 ms for 262,144 floats).
     */
    public static INDArray of(float[] values, DataType type, long... shape) {
        long length = ArrayUtil.prodLong(shape);
        if (length != values.length) {
            throw new IllegalArgumentException(values.length + " values for an array of shape "
                    + Arrays.toString(shape));
        }
        if (length == 0) {
            return Nd4j.create(type, shape);
        }
        INDArray floats = Nd4j.createUninitialized(DataType.FLOAT, shape);
        floats.data().asNioFloat().put(values);
        if (type == DataType.FLOAT) {
            return floats;
        }
        INDArray cast = floats.castTo(type);
        floats.close();
        return cast;
    }

    /** Closes every array of {@code feeds} but those of {@code kept} (compared by identity: cached tables). */
    public static void free(List<Map<String, INDArray>> feeds, Collection<INDArray> kept) {
        Set<INDArray> cached = Collections.newSetFromMap(new IdentityHashMap<>());
        cached.addAll(kept);
        for (Map<String, INDArray> feed : feeds) {
            for (INDArray array : feed.values()) {
                if (!cached.contains(array) && array.closeable()) {
                    array.close();
                }
            }
        }
    }
}
