package org.acdit4j.model.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.model.AcditConfig;
import org.acdit4j.model.HostRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every trainable parameter of one ACDiT, in one ordered map. The arrays are owned here and shared by
 * reference with every SameDiff sub-graph (training, clean pass, noised pass), so an optimizer update is
 * seen by all of them. Initialisation lives in {@link #initialize} only.
 */
public final class AcditWeights {

    private final AcditConfig config;
    private final Map<String, INDArray> params = new LinkedHashMap<>();

    public AcditWeights(AcditConfig config) {
        this.config = config;
        int d = config.width();
        int p = config.layout().tokenSize();
        declare("x_embed_w", p, d);
        declare("t_embed_w1", AcditConfig.FREQUENCY_SIZE, d);
        declare("t_embed_b1", d);
        declare("t_embed_w2", d, d);
        declare("t_embed_b2", d);
        declare("y_embed_table", config.classes() + 1, d);
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
            declare(layer(l, "ada_w"), d, 6 * d);
            declare(layer(l, "ada_b"), 6 * d);
        }
        declare("final_norm", d);
        declare("final_ada_w", d, 2 * d);
        declare("final_ada_b", 2 * d);
        declare("final_out_w", d, p);
        declare("final_out_b", p);
    }

    public static String layer(int l, String name) {
        return "layer" + l + "_" + name;
    }

    /** The paper's initialisation: Xavier-uniform linears with zero bias, N(0, 0.02) label table and timestep
     * MLP, ones for RMSNorm gains, zeros for every adaLN output and for the final linear. */
    public void initialize(HostRandom random) {
        xavier("x_embed_w", random);
        normal("t_embed_w1", 0.02, random);
        normal("t_embed_w2", 0.02, random);
        normal("y_embed_table", 0.02, random);
        for (int l = 0; l < config.depth(); l++) {
            for (String linear : new String[] {"qkv_w", "proj_w", "fc1_w", "fc2_w"}) {
                xavier(layer(l, linear), random);
            }
            for (String norm : new String[] {"norm1", "norm2", "q_norm", "k_norm"}) {
                params.get(layer(l, norm)).assign(1.0);
            }
        }
        params.get("final_norm").assign(1.0);
    }

    /** Test hook: every parameter drawn around its usual scale so adaLN gates and the output are not zero. */
    public void randomize(HostRandom random, double std) {
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            boolean gain = e.getKey().endsWith("norm") || e.getKey().endsWith("norm1") || e.getKey().endsWith("norm2");
            INDArray a = e.getValue();                                         // parameter shape
            double[] v = new double[(int) a.length()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (gain ? 1.0 : 0.0) + std * random.nextGaussian();
            }
            a.assign(Nd4j.create(v, a.shape()).castTo(a.dataType()));
        }
    }

    /** An independent copy: the same values in new arrays. */
    public AcditWeights copy() {
        AcditWeights copy = new AcditWeights(config);
        params.forEach((name, value) -> copy.params.get(name).assign(value));
        return copy;
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

    private static void fill(INDArray a, java.util.function.DoubleSupplier values) {
        double[] v = new double[(int) a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.getAsDouble();
        }
        a.assign(Nd4j.create(v, a.shape()).castTo(a.dataType()));
    }
}
