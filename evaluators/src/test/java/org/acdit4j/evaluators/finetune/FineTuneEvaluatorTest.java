package org.acdit4j.evaluators.finetune;

import org.acdit4j.framework.testing.InferenceOnlyModel;
import org.acdit4j.framework.testing.TestSampling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.acdit4j.evaluators.testing.ReplayModel;
import org.acdit4j.evaluators.testing.Softmax;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.TestDataDirectory;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.evaluation.SamplingSettings;
import org.acdit4j.framework.model.FineTunable;
import org.acdit4j.framework.model.FineTunedClassifier;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;

class FineTuneEvaluatorTest {

    private static final SamplingSettings SAMPLING = new SamplingSettings(new TestSampling("ddim", 1), 1.0, true, false);

    @Test
    void fineTunesACopyOnTrainImagesAndReportsTestAccuracy() {
        Dataset fashion = TestDataDirectory.fashionMnist().open(DataSpec.of("fashion-mnist", 32));
        PixelSoftmaxModel model = new PixelSoftmaxModel(fashion);
        EvaluationResult result = new FineTuneEvaluator(new FineTuneEvaluator.Settings(150, 64, 0.1, 0))
                .evaluate(new EvaluationContext(model, fashion, SAMPLING, 3000, 500, 1));

        // softmax regression on raw pixels: ~80% after a short training, chance is 10%
        assertThat(result.metric("fine-tune.accuracy")).isBetween(0.7, 0.9);
        assertThat(result.metric("fine-tune.steps")).isEqualTo(150);
        assertThat(result.metric("fine-tune.trainExamples")).isEqualTo(3000);
        assertThat(result.metric("fine-tune.testExamples")).isEqualTo(fashion.test().size());
        assertThat(result.metric("fine-tune.trainLoss")).isLessThan(Math.log(10));
        assertThat(model.stepsOfClassifiers).isEqualTo(150);
    }

    @Test
    void aModelThatCannotBeFineTunedIsNamed() {
        Dataset fashion = TestDataDirectory.fashionMnist().open(DataSpec.of("fashion-mnist", 32));
        ReplayModel model = new ReplayModel(fashion.test(), (images, seed) -> images, images -> new float[images.size()][1]);
        assertThatThrownBy(() -> new FineTuneEvaluator().evaluate(
                new EvaluationContext(model, fashion, SAMPLING, 100, 50, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fine-tune: model ReplayModel cannot be fine-tuned (it does not implement FineTunable)");
    }

    /** A fine-tunable test model whose "encoder" is the identity: its classifier is softmax regression on pixels by SGD. */
    private static final class PixelSoftmaxModel extends InferenceOnlyModel implements FineTunable {

        private int stepsOfClassifiers;

        PixelSoftmaxModel(Dataset dataset) {
            super(dataset.geometry());
        }

        @Override
        public FineTunedClassifier classifierCopy(int classes, double learningRate, double weightDecay) {
            return new FineTunedClassifier() {
                private final float[][] weights = new float[classes][geometry().valuesPerExample()]; // (C, pixels)
                private final float[] bias = new float[classes];

                @Override
                public double trainStep(ImageBatch batch) {
                    stepsOfClassifiers++;
                    float[][] gradW = new float[classes][weights[0].length];
                    float[] gradB = new float[classes];
                    double loss = 0;
                    for (int i = 0; i < batch.size(); i++) {
                        float[] x = batch.example(i);
                        double[] p = probabilities(x);
                        loss -= Math.log(p[batch.labels()[i]]) / batch.size();
                        p[batch.labels()[i]] -= 1;
                        for (int k = 0; k < classes; k++) {
                            gradB[k] += (float) (p[k] / batch.size());
                            for (int j = 0; j < x.length; j++) {
                                gradW[k][j] += (float) (p[k] * x[j] / batch.size());
                            }
                        }
                    }
                    for (int k = 0; k < classes; k++) {
                        bias[k] -= (float) (learningRate * gradB[k]);
                        for (int j = 0; j < weights[k].length; j++) {
                            weights[k][j] -= (float) (learningRate * gradW[k][j]);
                        }
                    }
                    return loss;
                }

                @Override
                public int[] predict(ImageBatch images) {
                    int[] predicted = new int[images.size()];
                    for (int i = 0; i < predicted.length; i++) {
                        double[] p = probabilities(images.example(i));
                        for (int k = 1; k < classes; k++) {
                            predicted[i] = p[k] > p[predicted[i]] ? k : predicted[i];
                        }
                    }
                    return predicted;
                }

                private double[] probabilities(float[] x) {
                    double[] z = new double[classes];
                    for (int k = 0; k < classes; k++) {
                        z[k] = bias[k];
                        for (int j = 0; j < x.length; j++) {
                            z[k] += weights[k][j] * x[j];
                        }
                    }
                    Softmax.inPlace(z);
                    return z;
                }
            };
        }
    }
}
