package org.acdit4j.model.tokenar;

import org.acdit4j.model.graph.RmsNorm;
import org.acdit4j.model.graph.RopeNd;
import org.acdit4j.model.graph.SkipCausalMask;
import org.acdit4j.model.graph.TransformerLayerParameters;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The decoder-only transformer as SameDiff graphs sharing one set of weight arrays ({@link TokenArWeights}).
 * Input step s of an image holds its class token (s = 0) or code s-1 and predicts code s; it is rotated by the
 * multi-axis RoPE at the (row, column) of the code it predicts, so relative offsets are patch offsets.
 * <ul>
 *   <li>{@link #training()}: all L steps under the causal mask, softmax cross-entropy on the next code;</li>
 *   <li>{@link #forward(int)}: the first lq steps without a cache (the no-cache sampler, features);</li>
 *   <li>{@link #step()}: one new step per sequence attending its cached K/V: logits and the step's K/V.</li>
 * </ul>
 * Each layer: RMSNorm, causal self-attention with QK-norm and RoPE, residual; RMSNorm, GELU MLP, residual. Token
 * tensors are 2-D (rows = sequence·step) so every linear layer is one matmul.
 */
public final class TokenArGraph {

    /** One-hot input rows of the vocabulary: (rows, V). */
    public static final String INPUT = "input";
    /** One-hot next codes: (rows, K). */
    public static final String TARGET = "target";
    public static final String COS = "rope_cos";
    public static final String SIN = "rope_sin";
    public static final String LOGITS = "logits";
    public static final String HIDDEN = "hidden";
    public static final String LOSS = "loss";

    private final TokenArConfig config;
    private final TokenArWeights weights;
    private final RopeNd rope;

    public TokenArGraph(TokenArConfig config, TokenArWeights weights) {
        this.config = config;
        this.weights = weights;
        this.rope = new RopeNd("multi-axis", config.headDim(), config.layout());
    }

    public static String contextKey(int layer) {
        return "ctx_k" + layer;
    }

    public static String contextValue(int layer) {
        return "ctx_v" + layer;
    }

    public static String key(int layer) {
        return "k" + layer;
    }

    public static String value(int layer) {
        return "v" + layer;
    }

    /**
     * All L steps of each sequence with the loss marked. Placeholders: input (n·L, V), target (n·L, K), rope
     * cos/sin at full size (n, L, H, hd) (as in ACDiT's training graph: no broadcast against a tensor with a
     * gradient). Outputs: logits (n·L, K), loss ().
     */
    public SameDiff training() {
        Ctx g = new Ctx(true);
        int l = config.length();
        SDVariable h = g.embed();                                                      // (n·L, D)
        SDVariable cos = g.sd.placeHolder(COS, config.dataType(), -1, l, config.heads(), config.headDim()); // (n, L, H, hd)
        SDVariable sin = g.sd.placeHolder(SIN, config.dataType(), -1, l, config.heads(), config.headDim()); // (n, L, H, hd)
        SDVariable mask = g.causalMask(l);                                             // (L, L)
        for (int layer = 0; layer < config.depth(); layer++) {
            h = g.layer(layer, h, l, cos, sin, mask);                                  // (n·L, D)
        }
        SDVariable logits = g.head(h).rename(LOGITS);                                  // (n·L, K)
        SDVariable target = g.sd.placeHolder(TARGET, config.dataType(), -1, config.codes()); // (n·L, K)
        // log-softmax by hand: sd.nn.logSoftmax(x, dimension) fails to build in 1.0.0-M2.1
        SDVariable shifted = logits.sub(logits.max(true, 1));                          // (n·L, K)
        SDVariable logProbabilities = shifted.sub(g.sd.math.log(g.sd.math.exp(shifted).sum(true, 1))); // (n·L, K)
        SDVariable loss = target.mul(logProbabilities).sum(1).mean().neg().rename(LOSS); // ()
        loss.markAsLoss();
        return g.sd;
    }

    /**
     * The first {@code lq} steps of each sequence under the causal mask, no cache. Placeholders: input (n·lq, V),
     * rope cos/sin (lq, 1, hd). Outputs: logits (n·lq, K), the last layer's hidden state (n·lq, D).
     */
    public SameDiff forward(int lq) {
        Ctx g = new Ctx(false);
        SDVariable h = g.embed();                                                      // (n·lq, D)
        SDVariable cos = g.sd.placeHolder(COS, config.dataType(), lq, 1, config.headDim()); // (lq, 1, hd)
        SDVariable sin = g.sd.placeHolder(SIN, config.dataType(), lq, 1, config.headDim()); // (lq, 1, hd)
        SDVariable mask = g.causalMask(lq);                                            // (lq, lq)
        for (int layer = 0; layer < config.depth(); layer++) {
            h = g.layer(layer, h, lq, cos, sin, mask);                                 // (n·lq, D)
        }
        h = h.rename(HIDDEN);
        g.head(h).rename(LOGITS);                                                      // (n·lq, K)
        return g.sd;
    }

    /**
     * One new step per sequence attending its cached K/V and itself. Placeholders: input (n, V), rope cos/sin
     * (1, 1, hd) of the step, per layer the context's K/V (n, Lctx, D) (heads side by side, after QK-norm and
     * RoPE). Outputs: logits (n, K) and per layer the step's K/V (n, 1, D), to append to the cache.
     */
    public SameDiff step() {
        Ctx g = new Ctx(false);
        int d = config.width();
        SDVariable h = g.embed();                                                      // (n, D)
        SDVariable cos = g.sd.placeHolder(COS, config.dataType(), 1, 1, config.headDim()); // (1, 1, hd)
        SDVariable sin = g.sd.placeHolder(SIN, config.dataType(), 1, 1, config.headDim()); // (1, 1, hd)
        SDVariable scaledHeads = g.headSelector("head_scaled", 1.0 / Math.sqrt(config.headDim())); // (H, D)
        SDVariable selectHeads = g.headSelector("head_select", 1.0);                   // (H, D)
        for (int layer = 0; layer < config.depth(); layer++) {
            SDVariable a = g.rmsNorm(h, TransformerLayerParameters.name(layer, "norm1"));         // (n, D)
            SDVariable[] qkv = g.linearChunks(a, TransformerLayerParameters.name(layer, "qkv_w"),
                    TransformerLayerParameters.name(layer, "qkv_b"), 3);                          // 3 × (n, D)
            SDVariable q = g.headNormRope(qkv[0], TransformerLayerParameters.name(layer, "q_norm"), 1, cos, sin)
                    .reshape(-1, 1, d);                                                // (n, 1, D)
            SDVariable k = g.headNormRope(qkv[1], TransformerLayerParameters.name(layer, "k_norm"), 1, cos, sin)
                    .reshape(-1, 1, d).rename(key(layer));                             // (n, 1, D)
            SDVariable v = qkv[2].reshape(-1, 1, d).rename(value(layer));              // (n, 1, D)
            SDVariable keys = g.sd.concat(1, g.sd.placeHolder(contextKey(layer), config.dataType(), -1, -1, d), k); // (n, Lk, D)
            SDVariable values = g.sd.concat(1, g.sd.placeHolder(contextValue(layer), config.dataType(), -1, -1, d), v); // (n, Lk, D)
            SDVariable qh = q.mul(scaledHeads);                                        // (n, H, D): head h's columns in row h
            SDVariable p = g.sd.nn.softmax(g.sd.mmul(qh, keys, false, true, false), 2); // (n, H, Lk)
            SDVariable o = g.sd.mmul(p, values).mul(selectHeads).sum(1);               // (n, D)
            SDVariable h1 = h.add(g.project(layer, o));                                // (n, D)
            h = h1.add(g.mlp(layer, g.rmsNorm(h1, TransformerLayerParameters.name(layer, "norm2")))); // (n, D)
        }
        g.head(h).rename(LOGITS);                                                      // (n, K)
        return g.sd;
    }

    /** RoPE cos or sin of steps {@code from..to-1} shaped for broadcasting: (to-from, 1, hd). */
    public INDArray ropeTable(boolean cos, int from, int to) {
        double[][] t = cos ? rope.cos(from, to) : rope.sin(from, to);
        return Nd4j.create(t).castTo(config.dataType()).reshape(to - from, 1, config.headDim());
    }

    /** The same table repeated for every sequence and head, as the training graph takes it: (n, L, H, hd). */
    public INDArray trainingRopeTable(boolean cos, int sequences) {
        int l = config.length();
        return Nd4j.tile(ropeTable(cos, 0, l).reshape(1, l, 1, config.headDim()), sequences, 1, config.heads(), 1);
    }

    /** One SameDiff instance under construction. */
    private final class Ctx {
        final SameDiff sd = SameDiff.create();
        /** A graph that is differentiated: wide linears are column slices (see {@link #linearChunks}). */
        final boolean differentiated;

        Ctx(boolean differentiated) {
            this.differentiated = differentiated;
        }

        /** One-hot input rows times the embedding table: (R, V) → (R, D) (a gather's backward is unreliable in M2.1). */
        SDVariable embed() {
            return sd.placeHolder(INPUT, config.dataType(), -1, config.vocabulary()).mmul(w("embed")); // (R, D)
        }

        SDVariable causalMask(int steps) {
            return sd.constant("causal_mask", Nd4j.create(SkipCausalMask.blockCausal(steps, 1))
                    .castTo(config.dataType()));                                       // (steps, steps)
        }

        /** One pre-norm layer over lq steps per sequence, attention per head under {@code mask}: (n·lq, D). */
        SDVariable layer(int l, SDVariable h, int lq, SDVariable cos, SDVariable sin, SDVariable mask) {
            int hd = config.headDim();
            SDVariable a = rmsNorm(h, TransformerLayerParameters.name(l, "norm1"));               // (n·lq, D)
            SDVariable[] qkv = linearChunks(a, TransformerLayerParameters.name(l, "qkv_w"), TransformerLayerParameters.name(l, "qkv_b"), 3); // 3 × (n·lq, D)
            SDVariable q = headNormRope(qkv[0], TransformerLayerParameters.name(l, "q_norm"), lq, cos, sin)
                    .permute(0, 2, 1, 3).mul(1.0 / Math.sqrt(hd));                     // (n, H, lq, hd)
            SDVariable k = headNormRope(qkv[1], TransformerLayerParameters.name(l, "k_norm"), lq, cos, sin)
                    .permute(0, 2, 1, 3);                                              // (n, H, lq, hd)
            SDVariable v = qkv[2].reshape(-1, lq, config.heads(), hd).permute(0, 2, 1, 3); // (n, H, lq, hd)
            SDVariable scores = sd.mmul(q, k, false, true, false).add(mask);          // (n, H, lq, lq)
            SDVariable o = sd.mmul(sd.nn.softmax(scores, 3), v).permute(0, 2, 1, 3);   // (n, lq, H, hd)
            SDVariable h1 = h.add(project(l, o.reshape(-1, config.width())));          // (n·lq, D)
            return h1.add(mlp(l, rmsNorm(h1, TransformerLayerParameters.name(l, "norm2"))));      // (n·lq, D)
        }

        /** RMSNorm over each head of x (n·lq, D), then the rotary embedding: (n, lq, H, hd). */
        SDVariable headNormRope(SDVariable x, String gain, int lq, SDVariable cos, SDVariable sin) {
            int hd = config.headDim();
            SDVariable rows = rmsNorm(x.reshape(-1, hd), gain);                        // (n·lq·H, hd)
            SDVariable rotated = rows.mmul(ropeRotation()).reshape(-1, lq, config.heads(), hd); // (n, lq, H, hd)
            return rows.reshape(-1, lq, config.heads(), hd).mul(cos).add(rotated.mul(sin)); // (n, lq, H, hd)
        }

        SDVariable ropeRotation() {
            return sd.hasVariable("rope_rotation") ? sd.getVariable("rope_rotation")  // (hd, hd)
                    : sd.constant("rope_rotation", Nd4j.create(rope.rotation()).castTo(config.dataType()));
        }

        /** Constant (H, D): {@code value} on head h's columns of row h, zero elsewhere. */
        SDVariable headSelector(String name, double value) {
            int hd = config.headDim();
            INDArray selector = Nd4j.zeros(config.dataType(), config.heads(), config.width()); // (H, D)
            for (int h = 0; h < config.heads(); h++) {
                selector.get(NDArrayIndex.point(h), NDArrayIndex.interval(h * hd, (h + 1) * hd)).assign(value);
            }
            return sd.constant(name, selector);
        }

        /**
         * {@code x·W + b} for W (D, k·D) as k chunks of (R, D): column-slice matmuls in a differentiated graph
         * (splitting a wide output was slow there, docs/PERFORMANCE.md), one matmul and a split otherwise.
         */
        SDVariable[] linearChunks(SDVariable x, String weight, String bias, int k) {
            int d = config.width();
            if (!differentiated) {
                return sd.split(x.mmul(w(weight)).add(w(bias)), k, 1);                 // k × (R, D)
            }
            SDVariable[] chunks = new SDVariable[k];
            for (int i = 0; i < k; i++) {
                SDVariable wi = w(weight).get(SDIndex.all(), SDIndex.interval(i * d, (i + 1) * d)); // (D, D)
                SDVariable bi = w(bias).get(SDIndex.interval(i * d, (i + 1) * d));     // (D)
                chunks[i] = x.mmul(wi).add(bi);                                        // (R, D)
            }
            return chunks;
        }

        SDVariable project(int l, SDVariable merged) {
            return merged.mmul(w(TransformerLayerParameters.name(l, "proj_w"))).add(w(TransformerLayerParameters.name(l, "proj_b"))); // (R, D)
        }

        /** GELU(tanh) MLP: (R, D) → (R, D), with GELU written as u·σ(u·(2c + 2c·0.044715·u²)). */
        SDVariable mlp(int l, SDVariable x) {
            SDVariable u = x.mmul(w(TransformerLayerParameters.name(l, "fc1_w"))).add(w(TransformerLayerParameters.name(l, "fc1_b"))); // (R, M)
            double c2 = 2.0 * Math.sqrt(2.0 / Math.PI);
            SDVariable gelu = u.mul(sd.nn.sigmoid(u.mul(u.mul(u).mul(c2 * 0.044715).add(c2)))); // (R, M)
            return gelu.mmul(w(TransformerLayerParameters.name(l, "fc2_w"))).add(w(TransformerLayerParameters.name(l, "fc2_b"))); // (R, D)
        }

        /** Final RMSNorm and the linear head over the K codes: (R, D) → (R, K). */
        SDVariable head(SDVariable h) {
            return rmsNorm(h, "final_norm").mmul(w("head_w")).add(w("head_b"));        // (R, K)
        }

        SDVariable rmsNorm(SDVariable x, String gain) {
            return RmsNorm.apply(sd, x, w(gain), differentiated);
        }

        SDVariable w(String name) {
            return sd.hasVariable(name) ? sd.getVariable(name) : sd.var(name, weights.get(name));
        }
    }
}
