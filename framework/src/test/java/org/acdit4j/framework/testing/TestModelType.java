package org.acdit4j.framework.testing;

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

/**
 * The model plugin of the framework's own tests: {@link ClassMeanModel} behind a section with the keys a
 * transformer plugin has ({@code model.width}, {@code model.patch}, {@code model.blockSize}, …), so that sweeps,
 * overrides and validation are exercised without a real network.
 */
public final class TestModelType {

    public static final String NAME = "class-mean";
    public static final ModelType<TestModelSection, TestSamplerSection> TYPE = ModelType.of(NAME, TestModelSection::new,
            TestSamplerSection::new);
    /** Registers {@link ClassMeanModel}s under {@link #NAME}. */
    public static final ModelFactory FACTORY = factory((model, train, geometry, seed) -> new ClassMeanModel(geometry,
            train.lr()));

    /** How a test makes its models, e.g. a {@link ClassMeanModel} that interrupts itself. */
    @FunctionalInterface
    public interface Creator {
        GenerativeModel create(ModelConfig model, TrainSpec train, Geometry geometry, long seed);
    }

    /** The test plugin creating its models with {@code creator}. */
    public static ModelFactory factory(Creator creator) {
        return new Factory(creator);
    }

    private TestModelType() {
    }

    private static final class Factory implements ModelFactory {

        private final Creator creator;

        Factory(Creator creator) {
            this.creator = creator;
        }

        @Override
        public ModelType<?, ?> type() {
            return TYPE;
        }

        @Override
        public void validate(ModelConfig model, Geometry geometry, Problems problems) {
            TestModelConfig config = (TestModelConfig) model;
            problems.require(geometry.height() % config.patch() == 0, "model.patch",
                    "must divide the image height " + geometry.height() + ", got " + config.patch());
        }

        @Override
        public Set<ModelCapability> capabilities(ModelConfig model, Geometry geometry) {
            return EnumSet.of(ModelCapability.SAMPLING, ModelCapability.FEATURES);
        }

        /** As {@link ClassMeanModel#trainFlopsPerStep}. */
        @Override
        public double trainFlopsPerStep(ModelConfig model, TrainSpec train, Geometry geometry) {
            return 4.0 * train.batch() * geometry.valuesPerExample();
        }

        @Override
        public GenerativeModel create(ModelConfig model, TrainSpec train, Geometry geometry, long seed) {
            return creator.create(model, train, geometry, seed);
        }
    }
}
