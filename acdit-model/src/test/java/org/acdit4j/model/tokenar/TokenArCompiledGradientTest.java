package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.model.graph.GraphExecution;
import org.acdit4j.model.graph.LossAndGradients;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Token-AR's cross-entropy and gradients are the same from the compiled gradient function as from the session. */
class TokenArCompiledGradientTest {

    @Test
    void compiledGradientsEqualTheSession() {
        TokenArModel model = TokenArFixtures.randomModel(8, DataType.FLOAT);
        TokenArNetwork compiled = model.network();
        TokenArNetwork reference = compiled.withExecution(GraphExecution.SAMEDIFF);
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
}
