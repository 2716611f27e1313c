package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.model.core.execution.GraphExecution;
import org.acdit4j.model.core.execution.LossAndGradients;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.graph.AcditNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ACDiT's training loss and gradients are the same computed by the compiled gradient function as through SameDiff's
 * session, on random weights, on a second call (arrays freed and allocated again) and after an optimizer step has
 * changed the weights (read anew every call).
 */
class CompiledGradientTest {

    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of(1, BlockShape.SQUARE), Arguments.of(4, BlockShape.SQUARE), Arguments.of(16,
                BlockShape.ROWS));
    }

    @ParameterizedTest(name = "block {0} {1}")
    @MethodSource("layouts")
    void compiledGradientsEqualTheSession(int blockSize, BlockShape shape) {
        Geometry g = Geometry.image(1, 8, 8, 3);                              // patch 2: 16 tokens
        AcditModel model = TinyModels.model(TinyModels.spec(g, blockSize, shape), TinyModels.train(), g, 1,
                DataType.FLOAT);
        model.randomizeWeights(11, 0.3);
        AcditNetwork compiled = model.network();
        AcditNetwork reference = new AcditNetwork(model.config(), compiled.weights(), GraphExecution.SAMEDIFF);

        for (int call = 0; call < 2; call++) {
            AcditNetwork.TrainingInput in = model.trainingInput(TinyModels.randomBatch(g, 4, 3 + call), true);
            assertSame(compiled.lossAndGradients(in), reference.lossAndGradients(in));
        }
        model.update(model.trainingInput(TinyModels.randomBatch(g, 4, 8), true));
        AcditNetwork.TrainingInput after = model.trainingInput(TinyModels.randomBatch(g, 4, 9), true);
        assertSame(compiled.lossAndGradients(after), reference.lossAndGradients(after));
    }

    static void assertSame(LossAndGradients actual, LossAndGradients expected) {
        assertThat(actual.loss()).isCloseTo(expected.loss(), org.assertj.core.data.Offset.offset(1e-6 * (1
                + Math.abs(expected.loss()))));
        assertThat(actual.gradients().keySet()).isEqualTo(expected.gradients().keySet());
        expected.gradients().forEach((name, gradient) -> {
            INDArray value = actual.gradients().get(name);
            assertThat(value.shape()).as(name).isEqualTo(gradient.shape());
            double scale = 1 + gradient.amaxNumber().doubleValue();
            assertThat(value.sub(gradient).amaxNumber().doubleValue()).as(name).isLessThanOrEqualTo(1e-5 * scale);
        });
    }
}
