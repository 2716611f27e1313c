package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.execution.LossAndGradients;
import org.acdit4j.model.testing.MicroBatchGradients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code train.microBatches} in the token-AR baseline: the mean of the parts' gradients is the whole batch's. */
class TokenArMicroBatchTest {

    private static final int CODES = 16;
    private static final List<String> PARAMETERS_OF_NONE = List.of();

    @AfterEach
    void forgetThreads() {
        System.clearProperty(RunThreads.PROPERTY);
    }

    @Test
    void fourMicroBatchesOnTwoThreadsGiveTheWholeBatchGradient() {
        LossAndGradients whole = gradients(1, 1);
        LossAndGradients parts = gradients(4, 2);
        MicroBatchGradients.assertEqualUpToRounding(parts, whole);
    }

    @Test
    void aPartThatDoesNotDivideTheBatchIsRefused() {
        TokenArConfig config = config(4);
        int[] codes = TokenArFixtures.randomCodes(6, config.length(), CODES, 2);
        assertThatThrownBy(() -> network(config).lossAndGradients(codes, codes, 6, PARAMETERS_OF_NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train.microBatches must divide the batch of 6 sequences, got 4");
    }

    /** Random input and target codes of 8 sequences through a network of random weights. */
    private static LossAndGradients gradients(int microBatches, int threads) {
        System.setProperty(RunThreads.PROPERTY, String.valueOf(threads));
        TokenArConfig config = config(microBatches);
        TokenArWeights weights = new TokenArWeights(config);
        weights.initialize(new HostRandom(3));
        int[] inputs = TokenArFixtures.randomCodes(8, config.length(), CODES, 2);
        int[] targets = TokenArFixtures.randomCodes(8, config.length(), CODES, 4);
        TokenArNetwork network = new TokenArNetwork(config, weights);
        LossAndGradients result = network.lossAndGradients(inputs, targets, 8, weights.params().keySet());
        assertThat(network.trainingThreads()).isEqualTo(Math.min(microBatches, threads));
        return result;
    }

    private static TokenArNetwork network(TokenArConfig config) {
        TokenArWeights weights = new TokenArWeights(config);
        weights.initialize(new HostRandom(3));
        return new TokenArNetwork(config, weights);
    }

    private static TokenArConfig config(int microBatches) {
        return TokenArConfig.of(TokenArFixtures.spec(CODES), new TrainSection().steps(10).batch(8).lr(1e-3)
                .schedule(LearningRateSchedule.CONSTANT).warmupSteps(0).microBatches(microBatches).build(),
                TokenArFixtures.GRID_8, DataType.FLOAT);
    }
}
