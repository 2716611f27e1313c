package org.acdit4j.model.tokenar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.acdit4j.model.HostRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every trainable parameter of one token-AR model in one ordered map, shared by reference with each of its
 * SameDiff graphs so that an optimizer update is seen by all of them. Initialisation lives in {@link #initialize}.
 */
public final class TokenArWeights {

    private final TokenArConfig config;
    private final Map<String, INDArray> params = new LinkedHashMap<>();

    public TokenArWeights(TokenArConfig config) {
        this.config = config;
        int d = config.width();
        declare("embed", config.vocabulary(), d);
        for (int l = 0; l < config.depth(); l++) {
            declare(layer(l, "norm1"), d);
            declare(layer(l, "qkv_w"), d, 3 * d);
            declare(layer(l, "qkv_b"), 3 * d);
            declare(layer(l, "q_norm"), config.headDim());
            declare(layer(l, "k_norm"), config.headDim());
            declare(layer(l, "proj_w"), d, d);
            declare(layer(l, "proj_b"), d);
            declare(layer(l, "norm2"), d);
            declare(layer(l, "fc1_w"), d, config.mlpWidth());
            declare(layer(l, "fc1_b"), config.mlpWidth());
            declare(layer(l, "fc2_w"), config.mlpWidth(), d);
            declare(layer(l, "fc2_b"), d);
        }
        declare("final_norm", d);
        declare("head_w", d, config.codes());
        declare("head_b", config.codes());
    }

    public static String layer(int l, String name) {
        return "layer" + l + "_" + name;
    }

    /**
     * N(0, 0.02) embeddings (codes and class tokens), Xavier-uniform linears with zero biases, N(0, 0.02) output
     * head, ones for every RMSNorm gain.
     */
    public void initialize(HostRandom random) {
        normal("embed", 0.02, random);
        for (int l = 0; l < config.depth(); l++) {
            for (String linear : new String[] {"qkv_w", "proj_w", "fc1_w", "fc2_w"}) {
                xavier(layer(l, linear), random);
            }
            for (String norm : new String[] {"norm1", "norm2", "q_norm", "k_norm"}) {
                params.get(layer(l, norm)).assign(1.0);
            }
        }
        params.get("final_norm").assign(1.0);
        normal("head_w", 0.02, random);
    }

    /** Test hook: every parameter drawn around its usual scale (gains near 1, the rest near 0, none zero). */
    public void randomize(HostRandom random, double std) {
        params.forEach((name, a) -> {
            boolean gain = name.endsWith("norm") || name.endsWith("norm1") || name.endsWith("norm2");
            fill(a, () -> (gain ? 1.0 : 0.0) + std * random.nextGaussian());
        });
    }

    public Map<String, INDArray> params() {
        return Collections.unmodifiableMap(params);
    }

    public INDArray get(String name) {
        return params.get(name);
    }

    public long count() {
        return params.values().stream().mapToLong(INDArray::length).sum();
    }

    private void declare(String name, long... shape) {
        params.put(name, Nd4j.zeros(config.dataType(), shape));
    }

    private void xavier(String name, HostRandom random) {
        INDArray a = params.get(name);                                         // (fan_in, fan_out)
        double limit = Math.sqrt(6.0 / (a.size(0) + a.size(1)));
        fill(a, () -> (2 * random.nextDouble() - 1) * limit);
    }

    private void normal(String name, double std, HostRandom random) {
        fill(params.get(name), () -> std * random.nextGaussian());
    }

    private static void fill(INDArray a, DoubleSupplier values) {
        double[] v = new double[(int) a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.getAsDouble();
        }
        a.assign(Nd4j.create(v, a.shape()).castTo(a.dataType()));
    }
}
