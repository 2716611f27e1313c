package org.acdit4j.model.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.graph.ParameterVector;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * AdamW and the EMA over one parameter vector compute the bits of ND4J's Adam and the EMA formula applied to each
 * parameter array on its own, and checkpoints see the moments per parameter in the per-parameter layout (m, then v).
 */
class AdamWTest {

    private static final double LR = 1e-2;
    private static final double WEIGHT_DECAY = 0.05;

    private static TrainSpec spec(double gradClip) {
        return new TrainSection().lr(LR).betas(0.9, 0.99).weightDecay(WEIGHT_DECAY).gradClip(gradClip).build();
    }

    private static Map<String, INDArray> random(long seed) {
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("w", Nd4j.rand(DataType.FLOAT, 3, 5).subi(0.5));
        arrays.put("b", Nd4j.rand(DataType.FLOAT, 5).subi(0.5));
        arrays.put("g", Nd4j.rand(DataType.FLOAT, 2, 2, 2).subi(0.5));
        return arrays;
    }

    @Test
    void threeStepsOverTheVectorAreEachParametersOwnAdamWAndEmaBitForBit() {
        Map<String, INDArray> reference = random(1);
        ParameterVector vector = ParameterVector.copyOf(reference);
        AdamW optimizer = new AdamW(spec(0), vector);
        Ema ema = new Ema(0.9, vector);
        Adam adam = new Adam(LR, 0.9, 0.99, 1e-8);
        Map<String, AdamUpdater> updaters = new LinkedHashMap<>();
        Map<String, INDArray> states = new LinkedHashMap<>();
        Map<String, INDArray> shadow = new LinkedHashMap<>();
        reference.forEach((name, p) -> {
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 2 * p.length());
            AdamUpdater updater = new AdamUpdater(adam);
            updater.setStateViewArray(state, p.shape(), 'c', true);
            updaters.put(name, updater);
            states.put(name, state);
            shadow.put(name, p.dup());
        });

        for (int step = 0; step < 3; step++) {
            Map<String, INDArray> gradients = random(10 + step);
            ParameterVector gradient = vector.zerosLike();
            gradient.gather(gradients);
            optimizer.apply(vector.vector(), gradient.vector(), LR, step);
            ema.update(vector.vector(), step);
            double decay = Ema.decayAt(0.9, step);
            for (String name : reference.keySet()) {
                INDArray g = gradients.get(name);
                updaters.get(name).applyUpdater(g, step, 0);
                reference.get(name).muli(1 - LR * WEIGHT_DECAY).subi(g);
                shadow.get(name).muli(decay).addi(reference.get(name).mul(1 - decay));
            }
        }

        for (String name : reference.keySet()) {
            assertThat(bits(vector.views().get(name))).as(name).containsExactly(bits(reference.get(name)));
            assertThat(bits(ema.weights().get(name))).as(name).containsExactly(bits(shadow.get(name)));
            assertThat(bits(optimizer.stateByParameter().get(name))).as(name).containsExactly(bits(states.get(name)));
        }
    }

    @Test
    void clippingScalesTheWholeVectorToTheGlobalNormAndReportsTheNormBefore() {
        ParameterVector vector = ParameterVector.copyOf(random(2));
        INDArray gradient = vector.vector().dup().muli(40);
        double norm = gradient.norm2Number().doubleValue();
        INDArray direction = gradient.div(norm);

        assertThat(new AdamW(spec(1.0), vector).clip(gradient)).isEqualTo(norm);
        assertThat(gradient.norm2Number().doubleValue()).isCloseTo(1.0, within(1e-5));
        assertThat(gradient.sub(direction).amaxNumber().doubleValue()).isLessThan(1e-6);

        INDArray small = vector.vector().dup().muli(1e-3);
        INDArray before = small.dup();
        new AdamW(spec(1.0), vector).clip(small);
        assertThat(small).isEqualTo(before);
    }

    @Test
    void restoredMomentsContinueAsTheOriginal() {
        ParameterVector vector = ParameterVector.copyOf(random(3));
        AdamW original = new AdamW(spec(0), vector);
        ParameterVector gradient = vector.zerosLike();
        gradient.gather(random(4));
        original.apply(vector.vector(), gradient.vector(), LR, 0);
        AdamW restored = new AdamW(spec(0), vector);
        restored.restoreState(original.stateByParameter());
        ParameterVector copy = vector.copy();

        gradient.gather(random(5));
        INDArray sameGradient = gradient.vector().dup();
        original.apply(vector.vector(), gradient.vector(), LR, 1);
        restored.apply(copy.vector(), sameGradient, LR, 1);
        assertThat(bits(copy.vector())).containsExactly(bits(vector.vector()));

        Map<String, INDArray> missing = new LinkedHashMap<>(original.stateByParameter());
        missing.remove("b");
        assertThatThrownBy(() -> restored.restoreState(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no Adam state of 10 values for parameter 'b'");
    }

    private static int[] bits(INDArray array) {
        float[] values = array.dup().reshape(array.length()).toFloatVector();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
