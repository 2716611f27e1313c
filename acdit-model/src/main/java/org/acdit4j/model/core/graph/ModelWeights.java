package org.acdit4j.model.core.graph;

import java.util.Map;
import org.acdit4j.model.core.HostRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every trainable parameter of one model, in one ordered map owned here and shared by reference with each of its
 * SameDiff graphs, so that an optimizer update is seen by all of them. A model declares its parameters in its
 * subclass's constructor and initialises them in {@link #initialize} only.
 */
public abstract class ModelWeights {

    protected final NamedParameters params;

    protected ModelWeights(DataType dataType) {
        this.params = new NamedParameters(dataType);
    }

    /** The model's initialisation of every declared parameter. */
    public abstract void initialize(HostRandom random);

    /** Test hook: every parameter drawn around its usual scale (gains near 1, the rest near 0, none zero). */
    public void randomize(HostRandom random, double std) {
        params.randomize(random, std);
    }

    public Map<String, INDArray> params() {
        return params.asMap();
    }

    public INDArray get(String name) {
        return params.get(name);
    }

    public long count() {
        return params.count();
    }
}
