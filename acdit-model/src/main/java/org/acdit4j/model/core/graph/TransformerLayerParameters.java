package org.acdit4j.model.core.graph;

import org.acdit4j.model.core.HostRandom;

/**
 * The parameters of one pre-norm transformer layer shared by ACDiT and the token-AR baseline, under the names
 * their checkpoints store ({@code layer<l>_<name>}): RMSNorm gains, the fused QKV linear with per-head QK-norm
 * gains, the attention output projection and the MLP.
 */
public final class TransformerLayerParameters {

    private static final String[] LINEARS = {"qkv_w", "proj_w", "fc1_w", "fc2_w"};
    private static final String[] NORMS = {"norm1", "norm2", "q_norm", "k_norm"};

    private TransformerLayerParameters() {
    }

    /** The stored name of layer {@code l}'s parameter {@code name}. */
    public static String parameter(int l, String name) {
        return "layer" + l + "_" + name;
    }

    /** Declares layer {@code l}'s parameters as zeros, for width D, head dim hd and MLP width M. */
    public static void declare(NamedParameters params, int l, int width, int headDim, int mlpWidth) {
        params.declare(parameter(l, "norm1"), width);
        params.declare(parameter(l, "qkv_w"), width, 3 * width);
        params.declare(parameter(l, "qkv_b"), 3 * width);
        params.declare(parameter(l, "q_norm"), headDim);
        params.declare(parameter(l, "k_norm"), headDim);
        params.declare(parameter(l, "proj_w"), width, width);
        params.declare(parameter(l, "proj_b"), width);
        params.declare(parameter(l, "norm2"), width);
        params.declare(parameter(l, "fc1_w"), width, mlpWidth);
        params.declare(parameter(l, "fc1_b"), mlpWidth);
        params.declare(parameter(l, "fc2_w"), mlpWidth, width);
        params.declare(parameter(l, "fc2_b"), width);
    }

    /** Xavier-uniform linears (drawn in the order qkv, proj, fc1, fc2) with zero biases, ones for every gain. */
    public static void initialize(NamedParameters params, int l, HostRandom random) {
        for (String linear : LINEARS) {
            params.xavier(parameter(l, linear), random);
        }
        for (String norm : NORMS) {
            params.ones(parameter(l, norm));
        }
    }
}
