package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.model.core.execution.GraphExecution;
import org.acdit4j.model.core.execution.LossAndGradients;
import org.acdit4j.model.core.sample.KvCache;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The token-AR no-cache and step passes give the same values compiled as through {@code SameDiff.output}, and the
 * compiled training gradient the session's cross-entropy and gradients.
 */
class TokenArCompiledPassesTest {

    private final TokenArModel model = TokenArFixtures.randomModel(8, DataType.FLOAT);
    private final TokenArNetwork compiled = model.network();
    private final TokenArNetwork reference = compiled.withExecution(GraphExecution.SAMEDIFF);

    @Test
    void forwardAndStepPassesEqualSameDiff() {
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

    @Test
    void compiledGradientsEqualTheSession() {
        int n = 3;
        int length = model.config().length();
        for (long seed = 1; seed <= 2; seed++) {
            int[] codes = TokenArFixtures.randomCodes(n, length, 8, seed);
            int[] inputs = model.inputsOf(codes, new int[] {0, 1, 2});
            LossAndGradients actual = compiled.lossAndGradients(inputs, codes, n, model.parameterNames());
            LossAndGradients expected = reference.lossAndGradients(inputs, codes, n, model.parameterNames());
            assertThat(actual.loss()).isCloseTo(expected.loss(), org.assertj.core.data.Offset.offset(1e-5));
            assertThat(actual.gradients().keySet()).isEqualTo(expected.gradients().keySet());
            expected.gradients().forEach((name, gradient) -> {
                INDArray difference = actual.gradients().get(name).sub(gradient);
                assertThat(difference.amaxNumber().doubleValue()).as(name)
                        .isLessThanOrEqualTo(1e-5 * (1 + gradient.amaxNumber().doubleValue()));
            });
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
