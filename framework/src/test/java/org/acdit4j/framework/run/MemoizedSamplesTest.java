package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.DiscreteCodes;
import org.acdit4j.framework.model.LossyReconstruction;
import org.acdit4j.framework.testing.InferenceOnlyModel;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's view reconstructs each distinct batch of real images once and passes the result on unchanged; it
 * passes a model's code sequences on, and offers none for a model without them.
 */
class MemoizedSamplesTest {

    private static final Geometry GEOMETRY = Geometry.image(1, 2, 2, 3);

    /** Halves every pixel, counting its calls. */
    private static final class HalvingCodec extends InferenceOnlyModel implements LossyReconstruction {

        int reconstructions;

        HalvingCodec() {
            super(GEOMETRY);
        }

        @Override
        public ImageBatch reconstruct(ImageBatch images) {
            reconstructions++;
            float[] pixels = images.pixels().clone();
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] /= 2;
            }
            return new ImageBatch(images.geometry(), pixels, images.labels().clone());
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

    /** One code per example: the sign of its first pixel. */
    private static final class SignCodes extends InferenceOnlyModel implements DiscreteCodes {

        SignCodes() {
            super(GEOMETRY);
        }

        @Override
        public int[] codes(ImageBatch images) {
            int[] codes = new int[images.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = images.pixels()[i * GEOMETRY.valuesPerExample()] < 0 ? 0 : 1;
            }
            return codes;
        }

        @Override
        public int codesPerExample() {
            return 1;
        }
    }

    @Test
    void codeSequencesArePassedOnAndAbsentForAModelWithoutThem() {
        DiscreteCodes codes = new MemoizedSamples(new SignCodes()).discreteCodes().orElseThrow();

        assertThat(codes.codes(images(-0.2f, 1))).containsExactly(0);
        assertThat(codes.codes(images(0.4f, 1))).containsExactly(1);
        assertThat(codes.codesPerExample()).isEqualTo(1);
        assertThat(new MemoizedSamples(new HalvingCodec()).discreteCodes()).isEmpty();
    }
}
