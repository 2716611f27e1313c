package org.acdit4j.evaluators.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The feature network's SameDiff graph: four 3×3 convolutions (the last three with stride 2) with ReLU,
 * a 128-unit ReLU layer (the features) and a linear classifier. No normalisation layers (BatchNorm backprop
 * is broken in this SameDiff version) and dense layers as mmul + add ({@code sd.nn.linear} does not train).
 */
final class FeatureNetworkGraph {

    static final String INPUT = "image";
    static final String LABEL = "label";
    static final String FEATURES = "features";
    static final String PROBABILITIES = "probabilities";
    static final String LOSS = "loss";
    static final int FEATURE_SIZE = 128;
    /** Output channels and stride of each convolution. */
    private static final int[][] CONVOLUTIONS = {{32, 1}, {32, 2}, {64, 2}, {128, 2}};
    /** The total stride of the convolutions: image sides must be a multiple of it. */
    static final int DOWNSAMPLING = 8;

    private FeatureNetworkGraph() {
    }

    /** Whether the network can take images of this side. */
    static boolean fitsSide(int side) {
        return side % DOWNSAMPLING == 0;
    }

    /** Fails with a one-line reason when the network cannot take images of this shape. */
    static void checkSide(int side) {
        if (!fitsSide(side)) {
            throw new IllegalArgumentException("the feature network needs an image side divisible by " + DOWNSAMPLING
                    + ", got " + side);
        }
    }

    /** He-initialised parameters, drawn from {@code seed} in a fixed order, in graph order. */
    static Map<String, INDArray> initialParameters(int channels, int side, int classes, long seed) {
        checkSide(side);
        Random random = new Random(seed);
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        int in = channels;
        for (int i = 0; i < CONVOLUTIONS.length; i++) {
            int out = CONVOLUTIONS[i][0];
            parameters.put("conv" + i + "_w", gaussian(random, Math.sqrt(2.0 / (9 * in)), 3, 3, in, out)); // (3, 3, in, out)
            parameters.put("conv" + i + "_b", Nd4j.zeros(DataType.FLOAT, out));
            in = out;
        }
        int flat = flatSize(side);
        parameters.put("dense_w", gaussian(random, Math.sqrt(2.0 / flat), flat, FEATURE_SIZE)); // (flat, 128)
        parameters.put("dense_b", Nd4j.zeros(DataType.FLOAT, FEATURE_SIZE));
        parameters.put("out_w", gaussian(random, Math.sqrt(1.0 / FEATURE_SIZE), FEATURE_SIZE, classes)); // (128, classes)
        parameters.put("out_b", Nd4j.zeros(DataType.FLOAT, classes));
        return parameters;
    }

    /**
     * The graph over {@code parameters} (held as trainable variables). With {@code withLoss} it also takes a
     * one-hot {@link #LABEL} placeholder and defines the mean cross-entropy {@link #LOSS}.
     */
    static SameDiff build(Map<String, INDArray> parameters, int channels, int side, boolean withLoss) {
        checkSide(side);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, channels, side, side); // (N, C, H, W)
        for (int i = 0; i < CONVOLUTIONS.length; i++) {
            Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(CONVOLUTIONS[i][1]).sW(CONVOLUTIONS[i][1])
                    .paddingMode(PaddingMode.SAME).dataFormat(Conv2DConfig.NCHW).weightsFormat(WeightsFormat.YXIO).build();
            x = sd.nn().relu(sd.cnn().conv2d(x, sd.var("conv" + i + "_w", parameters.get("conv" + i + "_w")),
                    sd.var("conv" + i + "_b", parameters.get("conv" + i + "_b")), config), 0); // (N, out_i, H_i, W_i)
        }
        SDVariable flat = sd.reshape(x, -1, flatSize(side)); // (N, 128 · (side/8)²)
        SDVariable hidden = flat.mmul(sd.var("dense_w", parameters.get("dense_w"))).add(sd.var("dense_b", parameters.get("dense_b")));
        SDVariable features = sd.nn().relu(FEATURES, hidden, 0); // (N, 128)
        SDVariable logits = features.mmul(sd.var("out_w", parameters.get("out_w"))).add(sd.var("out_b", parameters.get("out_b"))); // (N, classes)
        sd.nn().softmax(PROBABILITIES, logits, 1); // (N, classes)
        if (withLoss) {
            SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, parameters.get("out_b").length()); // (N, classes)
            SDVariable logProbabilities = sd.nn().logSoftmax(logits); // (N, classes)
            label.mul(logProbabilities).sum(1).mean().neg().rename(LOSS);
            sd.setLossVariables(LOSS);
        }
        return sd;
    }

    private static int flatSize(int side) {
        int cells = side / DOWNSAMPLING;
        return CONVOLUTIONS[CONVOLUTIONS.length - 1][0] * cells * cells;
    }

    private static INDArray gaussian(Random random, double std, long... shape) {
        long count = 1;
        for (long s : shape) {
            count *= s;
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return Nd4j.create(values, shape, 'c');
    }
}
