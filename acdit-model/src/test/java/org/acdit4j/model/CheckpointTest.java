package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.diffusion.LossWeighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class CheckpointTest {

    private static final TrainSpec TRAIN = new TrainSection().steps(20).batch(4).lr(1e-3).betas(0.9, 0.999)
            .weightDecay(0.01).gradClip(1.0).schedule(LearningRateSchedule.WSD).warmupSteps(2).decayFraction(0.5)
            .ema(0.9).build();

    private static AcditModel fresh(long seed) {
        return TinyModels.model(TinyModels.spec(4, BlockShape.SQUARE).withLossWeighting(LossWeighting.MIN_SNR), TRAIN,
                TinyModels.GRID_8, seed, DataType.FLOAT);
    }

    @Test
    void saveThenRestoreGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
        AcditModel a = fresh(1);
        ImageBatch batch = TinyModels.randomBatch(TinyModels.GRID_8, 4, 2);
        for (int i = 0; i < 3; i++) {
            a.trainStep(batch);
        }
        Path file = dir.resolve("model.ckpt");
        a.save(file);
        AcditModel b = fresh(99);
        b.restore(file);
        assertThat(b.step()).isEqualTo(3);
        SampleRequest req = new SampleRequest(new int[] {0, 1}, new DiffusionSampling(Solver.DDIM, 2), 1.5, 4,
                true, true);
        assertThat(b.sample(req).pixels()).containsExactly(a.sample(req).pixels());
        assertThat(b.encode(batch)).isDeepEqualTo(a.encode(batch));
        assertThat(Files.list(dir).count()).isEqualTo(1);   // no temporary file left behind
    }

    @Test
    void resumingEqualsTrainingStraightThrough(@TempDir Path dir) throws Exception {
        ImageBatch batch = TinyModels.randomBatch(TinyModels.GRID_8, 4, 2);
        AcditModel straight = fresh(1);
        for (int i = 0; i < 6; i++) {
            straight.trainStep(batch);
        }
        AcditModel first = fresh(1);
        for (int i = 0; i < 3; i++) {
            first.trainStep(batch);
        }
        Path file = dir.resolve("half.ckpt");
        first.save(file);
        AcditModel resumed = fresh(42);
        resumed.restore(file);
        double last = 0;
        for (int i = 0; i < 3; i++) {
            last = resumed.trainStep(batch).loss();
        }
        assertThat(resumed.step()).isEqualTo(6);
        SampleRequest req = new SampleRequest(new int[] {2}, new DiffusionSampling(Solver.DPM_SOLVER_PLUS_PLUS, 2),
                1.0, 4, true, true);
        float[] expected = straight.sample(req).pixels();
        float[] actual = resumed.sample(req).pixels();
        assertThat(KvCacheEquivalenceTest.maxAbsDiff(actual, expected)).isLessThan(1e-5);
        assertThat(last).isFinite();
        AcditModel differentSeed = fresh(2);
        for (int i = 0; i < 6; i++) {
            differentSeed.trainStep(batch);
        }
        assertThat(KvCacheEquivalenceTest.maxAbsDiff(differentSeed.sample(req).pixels(), expected)).isGreaterThan(1e-3);
    }

    @Test
    void restoringIntoAnotherConfigurationFails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.ckpt");
        fresh(1).save(file);
        AcditModel other = TinyModels.model(TinyModels.spec(1, BlockShape.SQUARE), TRAIN, TinyModels.GRID_8, 1,
                DataType.FLOAT);
        assertThatThrownBy(() -> other.restore(file)).hasMessageContaining("was written for");
    }

    @Test
    void theObjectiveIsPartOfTheCheckpointAndEpsilonKeepsTheFormatOfOlderCheckpoints(@TempDir Path dir) throws Exception {
        assertThat(fresh(1).config().fingerprint()).isEqualTo("AcditSpec[width=32, depth=2, heads=2, patch=2, "
                + "blockSize=4, blockShape=square, rope=multi-axis, context=clean, labelDropout=0.1, mlpRatio=4] | "
                + TinyModels.GRID_8 + " | FLOAT");
        AcditSpec flowSpec = TinyModels.spec(4, BlockShape.SQUARE).withObjective(DiffusionObjective.FLOW);
        AcditModel flow = TinyModels.model(flowSpec, TinyModels.train(), TinyModels.GRID_8, 1, DataType.FLOAT);
        assertThat(flow.config().fingerprint()).endsWith(" | objective=flow");
        ImageBatch batch = TinyModels.randomBatch(TinyModels.GRID_8, 4, 2);
        flow.trainStep(batch);
        Path flowFile = dir.resolve("flow.ckpt");
        flow.save(flowFile);
        AcditModel again = TinyModels.model(flowSpec, TinyModels.train(), TinyModels.GRID_8, 7, DataType.FLOAT);
        again.restore(flowFile);
        SampleRequest euler = new SampleRequest(new int[] {1}, new DiffusionSampling(Solver.EULER, 2), 1.5, 4,
                true, true);
        assertThat(again.sample(euler).pixels()).containsExactly(flow.sample(euler).pixels());
        Path epsilonFile = dir.resolve("epsilon.ckpt");
        TinyModels.model(TinyModels.spec(4, BlockShape.SQUARE), TinyModels.train(), TinyModels.GRID_8, 1,
                DataType.FLOAT)
                .save(epsilonFile);
        assertThatThrownBy(() -> again.restore(epsilonFile)).hasMessageContaining("was written for");
        assertThatThrownBy(() -> fresh(1).sample(euler)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample.solver=euler integrates the flow's velocity and needs model.objective=flow; with "
                        + "model.objective=epsilon use one of ddim, dpm-solver++");
    }
}
