package org.acdit4j.evaluators.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.ImageSet;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.testing.InferenceOnlyModel;

/**
 * A "perfect" generator for tests: a sample of class c is a real image of class c from a held set, picked by the
 * request's seed, then passed through a degradation (none for a perfect model). {@code encode} applies
 * the given encoder.
 */
public class ReplayModel extends InferenceOnlyModel {

    private final ImageSet source;
    private final List<List<Integer>> byClass = new ArrayList<>();
    private final Degradation degradation;
    private final Encoder encoder;

    /** Changes the replayed images of one request; {@code seed} is the request's seed. */
    public interface Degradation {
        ImageBatch apply(ImageBatch images, long seed);
    }

    /** The {@code encode} of this model: (N, featureSize) features of clean images. */
    public interface Encoder {
        float[][] encode(ImageBatch images);
    }

    public ReplayModel(ImageSet source, Degradation degradation, Encoder encoder) {
        super(source.geometry());
        this.source = source;
        this.degradation = degradation;
        this.encoder = encoder;
        for (int k = 0; k < source.geometry().classes(); k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < source.size(); i++) {
            byClass.get(source.label(i)).add(i);
        }
    }

    @Override
    public ImageBatch sample(SampleRequest request) {
        SplittableRandom random = new SplittableRandom(request.seed());
        int[] labels = request.labels();
        int[] indices = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            List<Integer> pool = byClass.get(labels[i]);
            indices[i] = pool.get(random.nextInt(pool.size()));
        }
        return degradation.apply(source.batch(indices), request.seed());
    }

    @Override
    public float[][] encode(ImageBatch images) {
        return encoder.encode(images);
    }
}
