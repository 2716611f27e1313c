package org.acdit4j.model.tokenar;

import static org.acdit4j.model.core.graph.TransformerLayerParameters.parameter;

import org.acdit4j.model.core.graph.KvCacheNames;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.graph.RopeNd;
import org.acdit4j.model.core.graph.SkipCausalMask;
import org.acdit4j.model.core.graph.TransformerGraphBuilder;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
        this.rope = new RopeNd(RopeMode.MULTI_AXIS, config.headDim(), config.layout());
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
        SDVariable loss = g.meanCrossEntropy(logits, target).rename(LOSS);             // ()
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
            SDVariable a = g.rmsNorm(h, parameter(layer, "norm1"));                    // (n, D)
            SDVariable[] qkv = g.linearChunks(a, parameter(layer, "qkv_w"),
                    parameter(layer, "qkv_b"), 3);                                     // 3 × (n, D)
            SDVariable q = g.headNormRope(qkv[0], parameter(layer, "q_norm"), 1, cos, sin)
                    .reshape(-1, 1, d);                                                // (n, 1, D)
            SDVariable k = g.headNormRope(qkv[1], parameter(layer, "k_norm"), 1, cos, sin)
                    .reshape(-1, 1, d).rename(KvCacheNames.key(layer));                // (n, 1, D)
            SDVariable v = qkv[2].reshape(-1, 1, d).rename(KvCacheNames.value(layer)); // (n, 1, D)
            SDVariable cachedK = g.sd.placeHolder(KvCacheNames.contextKey(layer), config.dataType(), -1, -1, d); // (n, Lctx, D)
            SDVariable cachedV = g.sd.placeHolder(KvCacheNames.contextValue(layer), config.dataType(), -1, -1, d); // (n, Lctx, D)
            SDVariable keys = g.sd.concat(1, cachedK, k);                              // (n, Lk, D)
            SDVariable values = g.sd.concat(1, cachedV, v);                            // (n, Lk, D)
            SDVariable qh = q.mul(scaledHeads);                                        // (n, H, D): head h's columns in row h
            SDVariable p = g.sd.nn.softmax(g.sd.mmul(qh, keys, false, true, false), 2); // (n, H, Lk)
            SDVariable o = g.sd.mmul(p, values).mul(selectHeads).sum(1);               // (n, D)
            SDVariable h1 = h.add(g.project(layer, o));                                // (n, D)
            h = h1.add(g.mlp(layer, g.rmsNorm(h1, parameter(layer, "norm2"))));        // (n, D)
        }
        g.head(h).rename(LOGITS);                                                      // (n, K)
        return g.sd;
    }

    /** RoPE cos or sin of steps {@code from..to-1} shaped for broadcasting: (to-from, 1, hd). */
    public INDArray ropeTable(boolean cos, int from, int to) {
        return rope.table(cos, from, to, config.dataType());                           // (to-from, 1, hd)
    }

    /** The same table repeated for every sequence and head, as the training graph takes it: (n, L, H, hd). */
    public INDArray trainingRopeTable(boolean cos, int sequences) {
        return rope.tiledTable(cos, 0, config.length(), sequences, config.heads(), config.dataType()); // (n, L, H, hd)
    }

    /** One SameDiff instance under construction: the shared transformer pieces plus the token-AR inputs and head. */
    private final class Ctx extends TransformerGraphBuilder {

        Ctx(boolean differentiated) {
            super(config, weights.params(), rope, differentiated);
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
            SDVariable a = rmsNorm(h, parameter(l, "norm1"));                          // (n·lq, D)
            SDVariable[] qkv = linearChunks(a, parameter(l, "qkv_w"), parameter(l, "qkv_b"), 3); // 3 × (n·lq, D)
            SDVariable q = headNormRope(qkv[0], parameter(l, "q_norm"), lq, cos, sin)
                    .permute(0, 2, 1, 3);                                              // (n, H, lq, hd)
            SDVariable k = headNormRope(qkv[1], parameter(l, "k_norm"), lq, cos, sin)
                    .permute(0, 2, 1, 3);                                              // (n, H, lq, hd)
            SDVariable v = qkv[2].reshape(-1, lq, config.heads(), hd).permute(0, 2, 1, 3); // (n, H, lq, hd)
            SDVariable h1 = h.add(attendByHead(l, q, k, v, mask));                     // (n·lq, D)
            return h1.add(mlp(l, rmsNorm(h1, parameter(l, "norm2"))));                 // (n·lq, D)
        }

        /** Final RMSNorm and the linear head over the K codes: (R, D) → (R, K). */
        SDVariable head(SDVariable h) {
            return rmsNorm(h, "final_norm").mmul(w("head_w")).add(w("head_b"));        // (R, K)
        }
    }
}
