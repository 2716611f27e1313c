package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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

    /** A {@link #fresh} model of {@code seed} after {@code steps} training steps on {@code batch}. */
    private static AcditModel trained(long seed, ImageBatch batch, int steps) {
        AcditModel model = fresh(seed);
        for (int i = 0; i < steps; i++) {
            model.trainStep(batch);
        }
        return model;
    }

    /** {@code model} saved to {@code file} and restored into a {@link #fresh} model of {@code otherSeed}. */
    private static AcditModel restoredCopy(AcditModel model, Path file, long otherSeed) throws IOException {
        model.save(file);
        AcditModel copy = fresh(otherSeed);
        copy.restore(file);
        return copy;
    }

    @Test
    void saveThenRestoreGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
        ImageBatch batch = TinyModels.randomBatch(TinyModels.GRID_8, 4, 2);
        AcditModel a = trained(1, batch, 3);
        AcditModel b = restoredCopy(a, dir.resolve("model.ckpt"), 99);
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
        AcditModel straight = trained(1, batch, 6);
        AcditModel resumed = restoredCopy(trained(1, batch, 3), dir.resolve("half.ckpt"), 42);
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
        AcditModel differentSeed = trained(2, batch, 6);
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
