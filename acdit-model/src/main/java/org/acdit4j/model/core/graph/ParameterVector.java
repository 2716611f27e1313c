package org.acdit4j.model.core.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.common.util.ArrayUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Copies of named arrays back to back in one vector (N), in map order, with a view of each name's slice. An optimizer
 * step gathers the weights and gradients into vectors, runs a handful of ops over them instead of a handful per
 * parameter, and scatters the weights back: ND4J's cost per op call (tens of microseconds) made the per-parameter
 * update 15–30 ms of a training step (docs/PERFORMANCE.md, fifteenth round). The arrays themselves stay separate:
 * SameDiff copies a view it is given as a variable's array, so weights cannot be views of one vector.
 */
public final class ParameterVector {

    private final Map<String, long[]> shapes;
    private final Map<String, Long> offsets = new LinkedHashMap<>();
    private final INDArray vector;                                             // (N)
    private final Map<String, INDArray> views;

    private ParameterVector(Map<String, long[]> shapes, INDArray vector) {
        this.shapes = shapes;
        long offset = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            offsets.put(e.getKey(), offset);
            offset += ArrayUtil.prodLong(e.getValue());
        }
        this.vector = vector;
        this.views = viewsOf(vector);
    }

    /** A vector holding copies of {@code arrays} (all of one data type), in map order. */
    public static ParameterVector copyOf(Map<String, INDArray> arrays) {
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("a parameter vector needs at least one array");
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        arrays.forEach((name, array) -> shapes.put(name, array.shape()));
        long length = arrays.values().stream().mapToLong(INDArray::length).sum();
        ParameterVector copy = new ParameterVector(Collections.unmodifiableMap(shapes),
                Nd4j.zeros(arrays.values().iterator().next().dataType(), length));
        copy.gather(arrays);
        return copy;
    }

    /** A new vector of this layout holding this one's values. */
    public ParameterVector copy() {
        return new ParameterVector(shapes, vector.dup());
    }

    /** A new vector of this layout, all zeros. */
    public ParameterVector zerosLike() {
        return new ParameterVector(shapes, Nd4j.zeros(vector.dataType(), vector.length()));
    }

    /** All values: (N). */
    public INDArray vector() {
        return vector;
    }

    /** The named arrays, views of {@link #vector} in map order. */
    public Map<String, INDArray> views() {
        return views;
    }

    /** Named views of {@code other}, a vector (N) laid out as this one. */
    public Map<String, INDArray> viewsOf(INDArray other) {
        if (other.length() != length()) {
            throw new IllegalArgumentException("a vector of " + other.length() + " values does not hold these "
                    + length() + " parameters");
        }
        INDArray flat = other.reshape(other.length());
        Map<String, INDArray> named = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            long from = offsets.get(name);
            named.put(name, flat.get(NDArrayIndex.interval(from, from + ArrayUtil.prodLong(shape))).reshape('c', shape));
        });
        return Collections.unmodifiableMap(named);
    }

    /** Copies {@code arrays} (every name of this vector, same shapes) into their slices. */
    public void gather(Map<String, INDArray> arrays) {
        views.forEach((name, view) -> view.assign(required(arrays, name)));
    }

    /** Copies the slices into {@code arrays} (every name of this vector, same shapes). */
    public void scatter(Map<String, INDArray> arrays) {
        views.forEach((name, view) -> required(arrays, name).assign(view));
    }

    /** N, the number of values. */
    public long length() {
        return vector.length();
    }

    private static INDArray required(Map<String, INDArray> arrays, String name) {
        INDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no array for parameter '" + name + "'");
        }
        return array;
    }
}
