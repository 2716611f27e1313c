package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.LossyReconstruction;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.TrainStepResult;
import org.junit.jupiter.api.Test;

/** The evaluation's view reconstructs each distinct batch of real images once and passes the result on unchanged. */
class MemoizedSamplesTest {

    private static final Geometry GEOMETRY = Geometry.image(1, 2, 2, 3);

    /** Halves every pixel, counting its calls. */
    private static final class HalvingCodec implements GenerativeModel, LossyReconstruction {

        int reconstructions;

        @Override
        public ImageBatch reconstruct(ImageBatch images) {
            reconstructions++;
            float[] pixels = images.pixels().clone();
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] /= 2;
            }
            return new ImageBatch(images.geometry(), pixels, images.labels().clone());
        }

        @Override
        public Geometry geometry() {
            return GEOMETRY;
        }

        @Override
        public TrainStepResult trainStep(ImageBatch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImageBatch sample(SampleRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float[][] encode(ImageBatch images) {
            throw new UnsupportedOperationException();
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
            throw new UnsupportedOperationException();
        }

        @Override
        public void restore(Path checkpoint) {
            throw new UnsupportedOperationException();
        }
    }

    private static ImageBatch images(float first, int label) {
        return new ImageBatch(GEOMETRY, new float[] {first, 0.5f, -0.5f, 1f}, new int[] {label});
    }

    @Test
    void equalBatchesAreReconstructedOnceAndOthersAgain() {
        HalvingCodec codec = new HalvingCodec();
        MemoizedSamples view = new MemoizedSamples(codec);
        LossyReconstruction encoding = view.lossyReconstruction().orElseThrow();

        ImageBatch first = encoding.reconstruct(images(0.2f, 1));
        ImageBatch again = encoding.reconstruct(images(0.2f, 1));                      // an equal, separate batch
        encoding.reconstruct(images(0.4f, 1));
        encoding.reconstruct(images(0.2f, 2));

        assertThat(again.pixels()).containsExactly(0.1f, 0.25f, -0.25f, 0.5f);
        assertThat(again).isSameAs(first);
        assertThat(codec.reconstructions).isEqualTo(3);
    }
}
