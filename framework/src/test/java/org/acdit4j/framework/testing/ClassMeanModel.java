package org.acdit4j.framework.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.TrainStepResult;

/**
 * A deliberately small real model for runner tests: one mean image per class, fitted by SGD on the MSE to
 * the batch; samples are the class mean plus seeded noise. A huge learning rate makes it diverge, as
 * a real model would.
 */
public class ClassMeanModel implements GenerativeModel {

    private final Geometry geometry;
    private final double lr;
    private float[][] means;
    private long step;
    private Runnable afterStep = () -> { };

    public ClassMeanModel(Geometry geometry, double lr) {
        this.geometry = geometry;
        this.lr = lr;
        this.means = new float[geometry.classes()][geometry.valuesPerExample()];
    }

    /** Runs after every training step (tests use it to interrupt a run). */
    public void afterEachStep(Runnable action) {
        this.afterStep = action;
    }

    @Override
    public Geometry geometry() {
        return geometry;
    }

    @Override
    public TrainStepResult trainStep(ImageBatch batch) {
        int n = geometry.valuesPerExample();
        double loss = 0;
        float[][] gradient = new float[means.length][n];
        for (int i = 0; i < batch.size(); i++) {
            int label = batch.labels()[i];
            for (int k = 0; k < n; k++) {
                float difference = means[label][k] - batch.pixels()[i * n + k];
                loss += difference * difference;
                gradient[label][k] += 2 * difference / batch.size();
            }
        }
        double norm = 0;
        for (int c = 0; c < means.length; c++) {
            for (int k = 0; k < n; k++) {
                means[c][k] -= (float) (lr * gradient[c][k]);
                norm += gradient[c][k] * gradient[c][k];
            }
        }
        step++;
        afterStep.run();
        return new TrainStepResult(step, loss / (batch.size() * n), Math.sqrt(norm), lr);
    }

    @Override
    public ImageBatch sample(SampleRequest request) {
        int n = geometry.valuesPerExample();
        int[] labels = request.labels();
        float[] pixels = new float[labels.length * n];
        Random random = new Random(request.seed());
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < n; k++) {
                float mean = labels[i] < means.length ? means[labels[i]][k] : 0f;
                pixels[i * n + k] = Math.max(-1f, Math.min(1f, mean + 0.1f * (float) random.nextGaussian()));
            }
        }
        return new ImageBatch(geometry, pixels, labels);
    }

    @Override
    public float[][] encode(ImageBatch images) {
        float[][] features = new float[images.size()][1];
        for (int i = 0; i < images.size(); i++) {
            float[] example = images.example(i);
            float sum = 0;
            for (float value : example) {
                sum += value;
            }
            features[i][0] = sum / example.length;
        }
        return features;
    }

    @Override
    public long parameterCount() {
        return (long) means.length * geometry.valuesPerExample();
    }

    @Override
    public double trainFlopsPerStep(int batchSize) {
        return 4.0 * batchSize * geometry.valuesPerExample();
    }

    @Override
    public double sampleFlopsPerImage(SampleRequest request) {
        return geometry.valuesPerExample();
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public void save(Path checkpoint) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(step);
            for (float[] mean : means) {
                for (float value : mean) {
                    out.writeFloat(value);
                }
            }
        }
        AtomicFiles.write(checkpoint, bytes.toByteArray());
    }

    @Override
    public void restore(Path checkpoint) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(checkpoint))) {
            step = in.readLong();
            float[][] restored = new float[means.length][geometry.valuesPerExample()];
            for (float[] mean : restored) {
                for (int k = 0; k < mean.length; k++) {
                    mean[k] = in.readFloat();
                }
            }
            means = restored;
        }
    }
}
