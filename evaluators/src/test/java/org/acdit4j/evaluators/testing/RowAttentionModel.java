package org.acdit4j.evaluators.testing;

import java.util.Random;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.testing.InferenceOnlyModel;

/**
 * A tiny autoregressive test generator with a real key/value cache: image rows are tokens, row t attends over
 * the keys and values of rows 0..t−1 (fixed seeded projections, 256-d keys). Without the cache every step re-projects all
 * earlier rows (O(T²·256·W) per image); with it each row is projected once (O(T·256·W)). Both modes give identical
 * images. {@code encode} returns the mean of each row.
 */
public final class RowAttentionModel extends InferenceOnlyModel {

    private static final int HIDDEN = 256;

    private final int width;
    private final float[][] keyProjection;   // (256, W)
    private final float[][] valueProjection; // (W, 256): values are projected up and back down
    private final float[][] queryProjection; // (256, W)

    public RowAttentionModel(Geometry geometry, long seed) {
        super(geometry);
        this.width = geometry.width() * geometry.channels() * geometry.frames();
        Random random = new Random(seed);
        keyProjection = matrix(random, HIDDEN, width);
        valueProjection = matrix(random, width, width);
        queryProjection = matrix(random, HIDDEN, width);
    }

    @Override
    public ImageBatch sample(SampleRequest request) {
        int rows = geometry().height();
        int n = request.count();
        float[] pixels = new float[n * rows * width]; // (N, H, W·C·T) in row order
        Random noise = new Random(request.seed());
        for (int i = 0; i < n; i++) {
            float[][] image = new float[rows][width];
            float[][] keys = new float[rows][];
            float[][] values = new float[rows][];
            for (int t = 0; t < rows; t++) {
                float[] next = new float[width];
                if (t > 0) {
                    if (request.kvCache()) {
                        keys[t - 1] = project(keyProjection, image[t - 1]);
                        values[t - 1] = project(valueProjection, image[t - 1]);
                    } else {
                        for (int s = 0; s < t; s++) {
                            keys[s] = project(keyProjection, image[s]);
                            values[s] = project(valueProjection, image[s]);
                        }
                    }
                    attend(project(queryProjection, image[t - 1]), keys, values, t, next);
                }
                for (int x = 0; x < width; x++) {
                    next[x] = (float) Math.tanh(next[x] + 0.5 * noise.nextGaussian() + 0.1 * request.labels()[i]);
                }
                image[t] = next;
                System.arraycopy(next, 0, pixels, (i * rows + t) * width, width);
            }
        }
        return new ImageBatch(geometry(), pixels, request.labels());
    }

    /** Multiply-adds ×2 of the key and value projections: rows − 1 of them cached, rows·(rows − 1)/2 without. */
    @Override
    public double sampleFlopsPerImage(SampleRequest request) {
        int rows = geometry().height();
        double projections = request.kvCache() ? rows - 1 : rows * (rows - 1) / 2.0;
        return projections * 2.0 * (HIDDEN * width + width * width);
    }

    @Override
    public float[][] encode(ImageBatch images) {
        int rows = geometry().height();
        float[][] features = new float[images.size()][rows];
        for (int i = 0; i < images.size(); i++) {
            for (int t = 0; t < rows; t++) {
                float sum = 0;
                for (int x = 0; x < width; x++) {
                    sum += images.pixels()[(i * rows + t) * width + x];
                }
                features[i][t] = sum / width;
            }
        }
        return features;
    }

    private void attend(float[] query, float[][] keys, float[][] values, int count, float[] out) {
        double[] weights = new double[count];
        for (int s = 0; s < count; s++) {
            double dot = 0;
            for (int x = 0; x < query.length; x++) {
                dot += query[x] * keys[s][x];
            }
            weights[s] = dot / Math.sqrt(query.length);
        }
        Softmax.inPlace(weights);
        for (int s = 0; s < count; s++) {
            for (int x = 0; x < width; x++) {
                out[x] += (float) (weights[s] * values[s][x]);
            }
        }
    }

    private static float[] project(float[][] projection, float[] row) {
        float[] out = new float[projection.length];
        for (int y = 0; y < projection.length; y++) {
            float sum = 0;
            for (int x = 0; x < row.length; x++) {
                sum += projection[y][x] * row[x];
            }
            out[y] = sum;
        }
        return out;
    }

    private static float[][] matrix(Random random, int rows, int columns) {
        float[][] m = new float[rows][columns];
        for (float[] row : m) {
            for (int x = 0; x < columns; x++) {
                row[x] = (float) (random.nextGaussian() / Math.sqrt(columns));
            }
        }
        return m;
    }
}
