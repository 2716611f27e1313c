package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.model.FineTunedClassifier;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.diffusion.LossWeighting;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The fine-tune protocol on ACDiT: a copy of the clean stream plus a linear head learns real digits. */
class FineTuneTest {

    @Test
    void fineTunedCopyLearnsDigitsAndLeavesTheModelUnchanged() {
        Dataset mnist = TestDataDirectory.mnist().open(DataSpec.of("mnist", 16));
        // 16×16 at patch 4: 16 tokens in 4 blocks of 4, width 32, depth 2, randomly initialised
        AcditSpec spec = new AcditSpec(32, 2, 2, 4, 4, BlockShape.SQUARE, RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1,
                4, DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
        AcditModel model = TinyModels.model(spec, TinyModels.train(), mnist.geometry(), 3, DataType.FLOAT);
        ImageBatch probe = mnist.test().range(0, 8);
        SampleRequest request = new SampleRequest(new int[] {0, 1}, new DiffusionSampling(Solver.DDIM, 2), 1.0, 5,
                true, false);
        float[][] encodedBefore = model.encode(probe);
        float[] sampledBefore = model.sample(request).pixels();

        FineTunedClassifier classifier = model.classifierCopy(10, 3e-3, 0.0);
        SplittableRandom random = new SplittableRandom(1);
        double firstLoss = 0;
        double lastLoss = 0;
        for (int step = 0; step < 200; step++) {
            int[] picked = random.ints(32, 0, mnist.train().size()).toArray();           // the split is sorted by class
            double loss = classifier.trainStep(mnist.train().batch(picked));
            firstLoss = step == 0 ? loss : firstLoss;
            lastLoss = loss;
        }
        ImageBatch test = mnist.test().range(0, mnist.test().size());
        int[] predicted = classifier.predict(test);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == test.labels()[i] ? 1 : 0;
        }
        double accuracy = (double) correct / predicted.length;
        System.out.printf("fine-tune of a random tiny ACDiT on MNIST 16x16: loss %.3f -> %.3f, test accuracy %.3f%n",
                firstLoss, lastLoss, accuracy);

        assertThat(firstLoss).isCloseTo(Math.log(10), org.assertj.core.data.Offset.offset(1e-3)); // zero head
        assertThat(accuracy).isGreaterThan(0.5);                                                   // chance: 0.1
        assertThat(model.encode(probe)).isDeepEqualTo(encodedBefore);
        assertThat(model.sample(request).pixels()).containsExactly(sampledBefore);
        assertThat(model.step()).isZero();
    }

    @Test
    void labelsOutsideTheHeadAreRejected() {
        AcditModel model = TinyModels.model(TinyModels.spec(4, BlockShape.SQUARE), TinyModels.train(),
                TinyModels.GRID_8, 1, DataType.FLOAT);
        FineTunedClassifier classifier = model.classifierCopy(2, 1e-3, 0.0);
        ImageBatch batch = TinyModels.randomBatch(TinyModels.GRID_8, 3, 2);                  // labels 0, 1, 2
        assertThatThrownBy(() -> classifier.trainStep(batch)).hasMessage("class label 2 outside 0..1");
    }
}
