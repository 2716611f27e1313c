package org.acdit4j.framework.testing;

import java.nio.file.Path;
import java.util.Optional;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.DiscreteCodes;
import org.acdit4j.framework.model.FineTunable;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.LossyReconstruction;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.TrainStepResult;

/**
 * Base of the small test models: they do not train or checkpoint, sample or encode only where a subclass overrides
 * {@link #sample} or {@link #encode}, and offer each optional capability whose interface the subclass implements.
 */
public abstract class InferenceOnlyModel implements GenerativeModel {

    private final Geometry geometry;

    protected InferenceOnlyModel(Geometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public Geometry geometry() {
        return geometry;
    }

    @Override
    public ImageBatch sample(SampleRequest request) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not sample");
    }

    @Override
    public float[][] encode(ImageBatch images) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not encode");
    }

    @Override
    public Optional<FineTunable> fineTuning() {
        return this instanceof FineTunable tunable ? Optional.of(tunable) : Optional.empty();
    }

    @Override
    public Optional<LossyReconstruction> lossyReconstruction() {
        return this instanceof LossyReconstruction reconstruction ? Optional.of(reconstruction) : Optional.empty();
    }

    @Override
    public Optional<DiscreteCodes> discreteCodes() {
        return this instanceof DiscreteCodes codes ? Optional.of(codes) : Optional.empty();
    }

    @Override
    public TrainStepResult trainStep(ImageBatch batch) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not train");
    }

    @Override
    public long parameterCount() {
        return 0;
    }

    @Override
    public double trainFlopsPerStep(int batchSize) {
        return 0;
    }

    @Override
    public double sampleFlopsPerImage(SampleRequest request) {
        return 0;
    }

    @Override
    public long step() {
        return 0;
    }

    @Override
    public void save(Path checkpoint) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no state to save");
    }

    @Override
    public void restore(Path checkpoint) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no state to restore");
    }
}
