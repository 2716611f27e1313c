package org.acdit4j.model;

import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.spec.ModelSpec;
import org.acdit4j.framework.spec.TrainSpec;
import org.nd4j.linalg.api.buffer.DataType;

/** Creates {@link AcditModel}s in single precision; registered under the name {@code acdit}. */
public final class AcditModelFactory implements ModelFactory {

    public AcditModelFactory() {
    }

    @Override
    public GenerativeModel create(ModelSpec model, TrainSpec train, Geometry geometry, long seed) {
        return AcditModel.create(model, train, geometry, seed, DataType.FLOAT);
    }
}
