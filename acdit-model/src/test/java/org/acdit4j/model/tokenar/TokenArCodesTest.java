package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.SampleRequest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The model's {@link org.acdit4j.framework.model.DiscreteCodes}: encoding a sample gives back exactly the codes it was
 * drawn as, which is what lets the memorisation evaluator compare samples with training images in code space.
 */
class TokenArCodesTest {

    @Test
    void theCodesOfASampleAreTheCodesItWasDrawnAs() {
        TokenArModel model = TokenArFixtures.randomModel(32, DataType.FLOAT);
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        TokenSampling sampling = new TokenSampling(1.0, 0);

        ImageBatch samples = model.sample(new SampleRequest(labels, sampling, 1.5, 9, true, false));
        int[] drawn = model.sampleCodes(labels, sampling, 1.5, 9, true);

        assertThat(model.discreteCodes()).containsSame(model);
        assertThat(model.codesPerExample()).isEqualTo(16);
        assertThat(drawn).hasSize(labels.length * 16);
        assertThat(model.codes(samples)).containsExactly(drawn);
    }
}
