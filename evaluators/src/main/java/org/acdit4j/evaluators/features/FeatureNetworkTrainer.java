package org.acdit4j.evaluators.features;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.framework.console.DifferentiationNoise;
import org.acdit4j.framework.data.BatchStream;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** Trains a feature network on a dataset's train split with Adam and a linearly decaying learning rate. */
public final class FeatureNetworkTrainer {

    /**
     * @param epochs       passes over the train split
     * @param batchSize    examples per step
     * @param learningRate initial Adam learning rate, decayed linearly to 0
     * @param seed         seeds the initial weights, the batch order and the augmentation
     * @param maxShift     random translation of up to this many pixels (0 = no augmentation)
     */
    public record Settings(int epochs, int batchSize, double learningRate, long seed, int maxShift) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || learningRate <= 0 || maxShift < 0) {
                throw new IllegalArgumentException("feature-network training needs epochs >= 1, batch >= 1, lr > 0,"
                        + " shift >= 0; got " + this);
            }
        }
    }

    /** Trains and returns the weights, printing the loss to {@code progress} about twenty times. */
    public FeatureNetworkWeights train(Dataset dataset, Settings settings, PrintStream progress) {
        Geometry geometry = dataset.geometry();
        if (geometry.frames() != 1 || geometry.height() != geometry.width()) {
            throw new IllegalArgumentException("feature networks take square still images, got " + geometry);
        }
        int side = geometry.height();
        Map<String, INDArray> initial = FeatureNetworkGraph.initialParameters(geometry.channels(), side,
                geometry.classes(), settings.seed());
        SameDiff sd = FeatureNetworkGraph.build(initial, geometry.channels(), side, true);
        int stepsPerEpoch = (dataset.train().size() + settings.batchSize() - 1) / settings.batchSize();
        int steps = settings.epochs() * stepsPerEpoch;
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(new PolySchedule(ScheduleType.ITERATION, settings.learningRate(), 1.0, steps)))
                .dataSetFeatureMapping(FeatureNetworkGraph.INPUT)
                .dataSetLabelMapping(FeatureNetworkGraph.LABEL)
                .build());
        DifferentiationNoise.suppressDuring(sd::createGradFunction);
        BatchStream batches = dataset.train().batches(settings.batchSize(), settings.seed());
        RandomShift shift = new RandomShift(settings.maxShift(), settings.seed() + 1);
        long start = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            ImageBatch batch = shift.apply(batches.batch(step));
            INDArray images = Nd4j.create(batch.pixels(), new long[] {batch.size(), geometry.channels(), side, side}, 'c'); // (B, C, H, W)
            INDArray labels = Nd4j.zeros(batch.size(), geometry.classes()); // (B, classes)
            for (int i = 0; i < batch.size(); i++) {
                labels.putScalar(i, batch.labels()[i], 1f);
            }
            sd.fit(new DataSet(images, labels));
            System.gc();
            if ((step + 1) % Math.max(1, steps / 20) == 0 || step == steps - 1) {
                double loss = sd.output(Map.of(FeatureNetworkGraph.INPUT, images, FeatureNetworkGraph.LABEL, labels),
                        FeatureNetworkGraph.LOSS).get(FeatureNetworkGraph.LOSS).getDouble(0);
                progress.printf("step %d/%d (epoch %.2f) loss on this batch after the step %.4f, %.0f s%n", step + 1,
                        steps, (step + 1) / (double) stepsPerEpoch, loss, (System.nanoTime() - start) / 1e9);
            }
        }
        Map<String, INDArray> trained = new LinkedHashMap<>();
        initial.keySet().forEach(name -> trained.put(name, sd.getArrForVarName(name)));
        return new FeatureNetworkWeights(dataset.name(), geometry.channels(), side, geometry.classes(), trained);
    }
}
