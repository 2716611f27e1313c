package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.core.execution.LossAndGradients;
import org.acdit4j.model.testing.MicroBatchGradients;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.graph.AcditNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code train.microBatches}: a batch's gradient as the mean of its parts equals the whole batch's up to rounding,
 * and two lanes on two threads give the same bits as one thread, step after step (so each lane's graph reads the
 * weights the optimizer updated); so do a whole batch's ops on two threads.
 */
class MicroBatchTrainingTest {

    @AfterEach
    void forgetThreads() {
        System.clearProperty(RunThreads.PROPERTY);
    }

    @Test
    void twoMicroBatchesGiveTheWholeBatchGradient() {
        ImageBatch batch = TinyModels.randomBatch(TinyModels.GRID_8, 8, 3);
        LossAndGradients whole = firstGradients(1, 1, batch);
        LossAndGradients halves = firstGradients(2, 2, batch);
        MicroBatchGradients.assertEqualUpToRounding(halves, whole);
    }

    @Test
    void twoLanesGiveTheBitsOfOneLaneAfterSeveralUpdates() {
        Map<String, float[]> oneThread = weightsAfterSteps(4, 1, 3);
        Map<String, float[]> twoThreads = weightsAfterSteps(4, 2, 3);
        Map<String, float[]> start = weightsOf(model(2));
        assertThat(twoThreads.keySet()).isEqualTo(oneThread.keySet());
        oneThread.forEach((name, values) -> assertThat(twoThreads.get(name)).as(name).containsExactly(values));
        assertThat(oneThread.get("x_embed_w")).isNotEqualTo(start.get("x_embed_w"));
    }

    @Test
    void oneBatchWhoseOpsRunOnTwoThreadsGivesTheBitsOfOneThreadAfterSeveralUpdates() {
        Map<String, float[]> oneThread = weightsAfterSteps(1, 1, 4);
        Map<String, float[]> twoThreads = weightsAfterSteps(1, 2, 4);
        oneThread.forEach((name, values) -> assertThat(twoThreads.get(name)).as(name).containsExactly(values));
    }

    @Test
    void aPartThatDoesNotDivideTheBatchIsRefused() {
        AcditModel model = model(1);
        AcditNetwork.TrainingInput in = model.trainingInput(TinyModels.randomBatch(TinyModels.GRID_8, 8, 3), true);
        assertThatThrownBy(() -> in.split(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train.microBatches must divide the batch of 8 images, got 3");
    }

    private static LossAndGradients firstGradients(int microBatches, int threads, ImageBatch batch) {
        System.setProperty(RunThreads.PROPERTY, String.valueOf(threads));
        AcditModel model = model(microBatches);
        LossAndGradients result = model.network().lossAndGradients(model.trainingInput(batch, true));
        assertThat(model.network().trainingThreads()).isEqualTo(Math.min(microBatches, threads));
        return result;
    }

    /** The weights after {@code steps} steps (the third and later run a kept graph's ops on every thread). */
    private static Map<String, float[]> weightsAfterSteps(int microBatches, int threads, int steps) {
        System.setProperty(RunThreads.PROPERTY, String.valueOf(threads));
        AcditModel model = model(microBatches);
        for (int step = 0; step < steps; step++) {
            model.trainStep(TinyModels.randomBatch(TinyModels.GRID_8, 8, 10 + step));
        }
        assertThat(model.network().trainingThreads()).isEqualTo(threads);
        return weightsOf(model);
    }

    private static Map<String, float[]> weightsOf(AcditModel model) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> parameter : model.network().weights().params().entrySet()) {
            values.put(parameter.getKey(), parameter.getValue().dup().data().asFloat());
        }
        return values;
    }

    private static AcditModel model(int microBatches) {
        TrainSpec train = new TrainSection().steps(100).batch(8).lr(1e-3).schedule(LearningRateSchedule.CONSTANT)
                .warmupSteps(0).microBatches(microBatches).build();
        return TinyModels.model(TinyModels.spec(4, BlockShape.SQUARE), train, TinyModels.GRID_8, 7, DataType.FLOAT);
    }
}
