package org.acdit4j.model.tokenar;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.model.ModelConfig;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.model.ModelType;
import org.acdit4j.framework.spec.TrainSpec;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Creates {@link TokenArModel}s in single precision; registered under the name {@code token-ar}. A new model's
 * tokenizer comes from the codebook cache in the data directory ({@link CodebookStore}), fitted on the train split
 * of the experiment's dataset the first time.
 */
public final class TokenArModelFactory implements ModelFactory {

    private final Provider<Map<String, DatasetFactory>> datasets;
    private final Provider<DataDirectory> dataDirectory;

    @Inject
    public TokenArModelFactory(Provider<Map<String, DatasetFactory>> datasets, Provider<DataDirectory> dataDirectory) {
        this.datasets = datasets;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public ModelType<TokenArSection, TokenSamplerSection> type() {
        return TokenAr.TYPE;
    }

    @Override
    public void validate(ModelConfig model, Geometry geometry, Problems problems) {
        TokenArSpec spec = spec(model);
        problems.require(geometry.frames() == 1, "data.frames",
                "the token-ar model generates still images only, got " + geometry);
        problems.require(spec.patch() > 0 && geometry.height() % spec.patch() == 0
                        && geometry.width() % spec.patch() == 0, "model.patch",
                "must divide the image size " + geometry.height() + "x" + geometry.width() + ", got " + spec.patch());
        problems.require(spec.data() != null, "data", "the token-ar model needs the data section to fit its codebook");
    }

    /** Samples (classifier-free guided) and features of clean images; no fine-tuning or frame rollouts. */
    @Override
    public Set<ModelCapability> capabilities(ModelConfig model, Geometry geometry) {
        return EnumSet.of(ModelCapability.SAMPLING, ModelCapability.FEATURES);
    }

    @Override
    public double trainFlopsPerStep(ModelConfig model, TrainSpec train, Geometry geometry) {
        return new TokenArFlops(TokenArConfig.of(spec(model), train, geometry, DataType.FLOAT)).trainStep(train.batch());
    }

    @Override
    public GenerativeModel create(ModelConfig model, TrainSpec train, Geometry geometry, long seed) {
        TokenArSpec spec = spec(model);
        if (spec.data() == null) {
            throw new IllegalArgumentException("the token-ar model needs the data section to fit its codebook");
        }
        DatasetFactory factory = datasets.get().get(spec.data().name());
        if (factory == null) {
            throw new IllegalArgumentException("data.name=" + spec.data().name() + " is not one of "
                    + datasets.get().keySet());
        }
        Dataset dataset = factory.open(spec.data());
        Tokenizer tokenizer = new CodebookStore(dataDirectory.get().root()).tokenizer(dataset, spec);
        return new TokenArModel(TokenArConfig.of(spec, train, geometry, DataType.FLOAT), tokenizer, seed);
    }

    private static TokenArSpec spec(ModelConfig model) {
        if (model instanceof TokenArSpec spec) {
            return spec;
        }
        throw new IllegalArgumentException("the token-ar model needs a token-ar configuration, got " + model);
    }
}
