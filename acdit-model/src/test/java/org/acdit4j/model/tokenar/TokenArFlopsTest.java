package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.acdit4j.framework.model.SampleRequest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class TokenArFlopsTest {

    /**
     * Width 32, depth 2, head dim 16, MLP 128, L = 16, K = 24, V = 24 + 3 + 1: per step and layer
     * 2·(4·32² + 2·128·32) + 4·32·16 + 4·Lk·32 FLOPs, per step 2·28·32 + 2·32·24 for embedding and head.
     */
    @Test
    void countsMatchTheGraphsAsBuilt() {
        TokenArModel model = TokenArFixtures.randomModel(24, DataType.FLOAT);
        double perStepWithoutAttention = 2 * 2 * (4 * 32 * 32 + 2 * 128 * 32) + 2 * 4 * 32 * 16 + 2 * 28 * 32
                + 2 * 32 * 24;
        double attentionPerKey = 2 * 4 * 32;
        double forward = 16 * (perStepWithoutAttention + 16 * attentionPerKey);
        assertThat(model.trainFlopsPerStep(8)).isCloseTo(3 * 8 * forward, within(1e-6));
        assertThat(new TokenArModelFactory(null, null).trainFlopsPerStep(TokenArFixtures.spec(24),
                TokenArFixtures.train(10, 1e-3), TokenArFixtures.GRID_8)).as("the plugin's count without a model")
                .isCloseTo(3 * 8 * forward, within(1e-6));

        double cached = 0;
        double uncached = 0;
        for (int s = 0; s < 16; s++) {
            cached += perStepWithoutAttention + (s + 1) * attentionPerKey;
            uncached += (s + 1) * (perStepWithoutAttention + (s + 1) * attentionPerKey);
        }
        TokenSampling sampling = new TokenSampling(1.0, 0);
        assertThat(model.sampleFlopsPerImage(new SampleRequest(new int[] {0}, sampling, 1.0, 0, true, true)))
                .isCloseTo(cached, within(1e-6));
        assertThat(model.sampleFlopsPerImage(new SampleRequest(new int[] {0}, sampling, 1.5, 0, false, true)))
                .isCloseTo(2 * uncached, within(1e-6));
    }
}
