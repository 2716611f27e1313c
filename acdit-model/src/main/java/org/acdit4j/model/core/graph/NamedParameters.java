package org.acdit4j.model.core.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.acdit4j.model.core.HostRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's trainable arrays by name, in declaration order, with the initialisers the models use. The arrays are
 * owned here and shared by reference with every SameDiff graph built on them, so an optimizer update is seen by
 * all of them.
 */
public final class NamedParameters {

    private final DataType dataType;
    private final Map<String, INDArray> params = new LinkedHashMap<>();

    public NamedParameters(DataType dataType) {
        this.dataType = dataType;
    }

    /** Adds a zero array {@code name} of {@code shape}. */
    public void declare(String name, long... shape) {
        params.put(name, Nd4j.zeros(dataType, shape));
    }

    /** Xavier-uniform for a linear weight (fan_in, fan_out). */
    public void xavier(String name, HostRandom random) {
        INDArray a = params.get(name);                                         // (fan_in, fan_out)
        double limit = Math.sqrt(6.0 / (a.size(0) + a.size(1)));
        fill(a, () -> (2 * random.nextDouble() - 1) * limit);
    }

    /** N(0, std²) for every element. */
    public void normal(String name, double std, HostRandom random) {
        fill(params.get(name), () -> std * random.nextGaussian());
    }

    /** Ones, for an RMSNorm gain. */
    public void ones(String name) {
        params.get(name).assign(1.0);
    }

    /**
     * Test hook: every array drawn around its usual scale, in declaration order: RMSNorm gains (names ending in
     * norm, norm1, norm2) near 1, the rest near 0, none zero.
     */
    public void randomize(HostRandom random, double std) {
        params.forEach((name, a) -> {
            boolean gain = name.endsWith("norm") || name.endsWith("norm1") || name.endsWith("norm2");
            fill(a, () -> (gain ? 1.0 : 0.0) + std * random.nextGaussian());
        });
    }

    /** Copies every array of {@code source}, which must hold the same names and shapes. */
    public void assignFrom(NamedParameters source) {
        source.params.forEach((name, value) -> params.get(name).assign(value));
    }

    public Map<String, INDArray> asMap() {
        return Collections.unmodifiableMap(params);
    }

    public INDArray get(String name) {
        return params.get(name);
    }

    /** Total number of scalars. */
    public long count() {
        return params.values().stream().mapToLong(INDArray::length).sum();
    }

    private static void fill(INDArray a, DoubleSupplier values) {
        double[] v = new double[(int) a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.getAsDouble();
        }
        a.assign(Nd4j.create(v, a.shape()).castTo(a.dataType()));
    }
}
