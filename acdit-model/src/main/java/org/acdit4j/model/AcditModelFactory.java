package org.acdit4j.model;

import java.util.EnumSet;
import java.util.Set;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.model.ModelConfig;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.model.ModelType;
import org.acdit4j.framework.spec.TrainSpec;
import org.nd4j.linalg.api.buffer.DataType;

/** Creates {@link AcditModel}s in single precision; registered under the name {@code acdit}. */
public final class AcditModelFactory implements ModelFactory {

    public AcditModelFactory() {
    }

    @Override
    public ModelType<AcditSection, DiffusionSamplerSection> type() {
        return Acdit.TYPE;
    }

    @Override
    public void validate(ModelConfig model, Geometry geometry, Problems problems) {
        AcditConfig.problems(spec(model), geometry, problems);
    }

    @Override
    public Set<ModelCapability> capabilities(ModelConfig model, Geometry geometry) {
        return offeredBy(spec(model), geometry);
    }

    /**
     * The capabilities of an ACDiT of {@code spec} on data of {@code geometry}, which the model's accessors answer
     * from: every ACDiT samples, encodes and fine-tunes; a video ACDiT of more than one block per clip also rolls out
     * past its trained length (a video DiT has no earlier frames to continue from).
     */
    static Set<ModelCapability> offeredBy(AcditSpec spec, Geometry geometry) {
        Set<ModelCapability> capabilities = EnumSet.of(ModelCapability.SAMPLING, ModelCapability.FEATURES,
                ModelCapability.FINE_TUNING);
        int tokensPerFrame = (geometry.height() / spec.patch()) * (geometry.width() / spec.patch());
        if (geometry.frames() > 1 && spec.blockSize() < geometry.frames() * tokensPerFrame) {
            capabilities.add(ModelCapability.FRAME_ROLLOUT);
        }
        return capabilities;
    }

    @Override
    public double trainFlopsPerStep(ModelConfig model, TrainSpec train, Geometry geometry) {
        return new AcditFlops(AcditConfig.of(spec(model), train, geometry, DataType.FLOAT)).trainStep(train.batch());
    }

    @Override
    public GenerativeModel create(ModelConfig model, TrainSpec train, Geometry geometry, long seed) {
        return AcditModel.create(spec(model), train, geometry, seed, DataType.FLOAT);
    }

    private static AcditSpec spec(ModelConfig model) {
        if (model instanceof AcditSpec spec) {
            return spec;
        }
        throw new IllegalArgumentException("the acdit model needs an ACDiT configuration, got " + model);
    }
}
