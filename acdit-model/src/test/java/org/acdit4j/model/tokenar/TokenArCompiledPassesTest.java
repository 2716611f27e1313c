package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.model.graph.GraphExecution;
import org.acdit4j.model.sample.KvCache;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The token-AR no-cache and step passes give the same values compiled as through {@code SameDiff.output}. */
class TokenArCompiledPassesTest {

    @Test
    void forwardAndStepPassesEqualSameDiff() {
        TokenArModel model = TokenArFixtures.randomModel(8, DataType.FLOAT);
        TokenArNetwork compiled = model.network();
        TokenArNetwork reference = compiled.withExecution(GraphExecution.SAMEDIFF);
        int n = 3;
        int steps = 5;
        int vocabulary = model.config().vocabulary();
        int[] inputs = TokenArFixtures.randomCodes(n, steps, vocabulary, 9);     // (n, steps) vocabulary rows
        assertClose(compiled.forwardLogits(inputs, steps), reference.forwardLogits(inputs, steps));
        assertThat(compiled.forwardHidden(inputs, steps).equalsWithEps(reference.forwardHidden(inputs, steps), 1e-5))
                .isTrue();

        KvCache compiledCache = compiled.emptyCache(n);
        KvCache referenceCache = reference.emptyCache(n);
        for (int position = 0; position < 3; position++) {
            int[] stepInputs = new int[n];
            for (int i = 0; i < n; i++) {
                stepInputs[i] = inputs[i * steps + position];
            }
            TokenArNetwork.StepOutput actual = compiled.step(stepInputs, position, compiledCache);
            TokenArNetwork.StepOutput expected = reference.step(stepInputs, position, referenceCache);
            assertClose(actual.logits(), expected.logits());
            for (int l = 0; l < actual.keys().size(); l++) {
                assertThat(actual.keys().get(l).equalsWithEps(expected.keys().get(l), 1e-5)).isTrue();
                assertThat(actual.values().get(l).equalsWithEps(expected.values().get(l), 1e-5)).isTrue();
            }
            compiledCache.append(actual.keys(), actual.values());
            referenceCache.append(expected.keys(), expected.values());
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("value " + i).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(1e-5 * (1 + Math.abs(expected[i]))));
        }
    }
}
