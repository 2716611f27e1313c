package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.sample.KvCache;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The causal mask, the KV-cache and the two samplers, on random (not initial) weights. */
class TokenArGraphTest {

    private static final Logger LOG = LoggerFactory.getLogger(TokenArGraphTest.class);

    private static final int CODES = 24;
    private static final int SEQUENCES = 3;

    /**
     * Code i's logits (row i: class token and codes before i) must not move when codes after i change; the rows
     * after the change must move, or the test would pass on a network that ignores its inputs.
     */
    @Test
    void codeLogitsDoNotSeeLaterCodes() {
        TokenArModel model = TokenArFixtures.randomModel(CODES, DataType.FLOAT);
        int l = model.config().length();
        int[] labels = {0, 1, 2};
        int[] codes = TokenArFixtures.randomCodes(SEQUENCES, l, CODES, 1);
        int i = 6;
        int[] changed = codes.clone();
        for (int n = 0; n < SEQUENCES; n++) {
            for (int s = i + 1; s < l; s++) {
                changed[n * l + s] = (codes[n * l + s] + 1 + s) % CODES;
            }
        }
        float[] before = model.network().trainingLogits(model.inputsOf(codes, labels), SEQUENCES);
        float[] after = model.network().trainingLogits(model.inputsOf(changed, labels), SEQUENCES);
        double laterChange = 0;
        for (int n = 0; n < SEQUENCES; n++) {
            for (int s = 0; s < l; s++) {
                for (int k = 0; k < CODES; k++) {
                    int at = (n * l + s) * CODES + k;
                    if (s <= i + 1) {                                  // codes 0..i+1 are predicted from codes <= i
                        assertThat(after[at]).as("sequence %d, code %d", n, s).isEqualTo(before[at]);
                    } else {
                        laterChange = Math.max(laterChange, Math.abs(after[at] - before[at]));
                    }
                }
            }
        }
        assertThat(laterChange).isGreaterThan(1e-3);
    }

    /** One step at a time with the cache gives the full forward's logits at every position (and the training graph's). */
    @Test
    void kvCachedLogitsEqualTheFullForward() {
        TokenArModel model = TokenArFixtures.randomModel(CODES, DataType.FLOAT);
        TokenArNetwork network = model.network();
        int l = model.config().length();
        int[] labels = {0, 2, 3};                                      // 3 = the null (unconditional) token
        int[] inputs = model.inputsOf(TokenArFixtures.randomCodes(SEQUENCES, l, CODES, 2), labels);
        float[] full = network.forwardLogits(inputs, l);                // (n·L, K)
        float[] training = network.trainingLogits(inputs, SEQUENCES);   // (n·L, K)
        KvCache cache = network.emptyCache(SEQUENCES);
        double worst = 0;
        double scale = 0;
        for (int s = 0; s < l; s++) {
            int[] stepInputs = new int[SEQUENCES];
            for (int n = 0; n < SEQUENCES; n++) {
                stepInputs[n] = inputs[n * l + s];
            }
            TokenArNetwork.StepOutput out = network.step(stepInputs, s, cache);
            cache.append(out.keys(), out.values());
            for (int n = 0; n < SEQUENCES; n++) {
                for (int k = 0; k < CODES; k++) {
                    float expected = full[(n * l + s) * CODES + k];
                    worst = Math.max(worst, Math.abs(out.logits()[n * CODES + k] - expected));
                    assertThat(out.logits()[n * CODES + k]).as("sequence %d, position %d", n, s)
                            .isCloseTo(expected, Offset.offset(1e-4f));
                    assertThat(training[(n * l + s) * CODES + k]).isCloseTo(expected,
                            Offset.offset(1e-4f));
                    scale = Math.max(scale, Math.abs(expected));
                }
            }
        }
        assertThat(cache.length()).isEqualTo(l);
        assertThat(scale).isGreaterThan(0.1);                           // logits far from zero: a real comparison
        LOG.info("largest |cached - full| logit difference {} (largest logit {})", worst, scale);
    }

    @Test
    void cachedAndUncachedSamplersDrawTheSameCodes() {
        TokenArModel model = TokenArFixtures.randomModel(CODES, DataType.FLOAT);
        int[] labels = {0, 1, 2, 3, 1};
        for (TokenSampling sampling : new TokenSampling[] {new TokenSampling(1.0, 0), new TokenSampling(0.7, 5)}) {
            for (double guidance : new double[] {1.0, 2.0}) {
                int[] cached = model.sampleCodes(labels, sampling, guidance, 42, true);
                int[] uncached = model.sampleCodes(labels, sampling, guidance, 42, false);
                assertThat(cached).as("%s at guidance %s", sampling, guidance).containsExactly(uncached);
                assertThat(Arrays.stream(cached).distinct().count()).isGreaterThan(3);
            }
        }
        assertThat(model.sampleCodes(labels, new TokenSampling(1.0, 0), 2.0, 43, true))
                .isNotEqualTo(model.sampleCodes(labels, new TokenSampling(1.0, 0), 2.0, 42, true));
    }

    /** Top-k keeps only the k most likely codes; a low temperature concentrates the draw on the most likely. */
    @Test
    void topKAndTemperatureShapeTheDraw() {
        double[] logits = {0.0, 2.0, 1.0, -1.0, 1.5};
        HostRandom random = new HostRandom(1);
        int[] counts = new int[logits.length];
        for (int i = 0; i < 2000; i++) {
            counts[TokenArSampler.draw(logits, new TokenSampling(1.0, 2), random)]++;
        }
        assertThat(counts[0] + counts[2] + counts[3]).isZero();
        assertThat(counts[1]).isGreaterThan(counts[4]).isPositive();
        assertThat(counts[4]).isPositive();
        int greedy = 0;
        for (int i = 0; i < 200; i++) {
            greedy += TokenArSampler.draw(logits, new TokenSampling(0.01, 0), random) == 1 ? 1 : 0;
        }
        assertThat(greedy).isEqualTo(200);
    }
}
