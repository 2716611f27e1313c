package org.acdit4j.model.graph;

import static org.acdit4j.model.core.graph.TransformerLayerParameters.parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.acdit4j.model.AcditConfig;
import org.acdit4j.model.core.graph.KvCacheNames;
import org.acdit4j.model.core.graph.RmsNorm;
import org.acdit4j.model.core.graph.RopeNd;
import org.acdit4j.model.core.graph.SkipCausalMask;
import org.acdit4j.model.core.graph.TransformerGraphBuilder;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the ACDiT network as SameDiff graphs that share one set of weight arrays ({@link AcditWeights}):
 * <ul>
 *   <li>{@link #training()}: the whole training sequence {@code [clean 0..N-2] ++ [noised 0..N-1]} under
 *       the Skip-Causal mask, with the MSE loss against the objective's target (ε, v or velocity) on noised
 *       tokens;</li>
 *   <li>{@link #cleanPass(int)}: clean tokens attending a given context (cached K/V) plus themselves; outputs
 *       each layer's K/V (after QK-norm and RoPE) and hidden state;</li>
 *   <li>{@link #noisedPass}: one noised block per image attending a given context plus itself; outputs the
 *       prediction (ε, v or velocity);</li>
 *   <li>{@link #conditionPass()}: the adaLN-Zero modulation vectors of every noised layer for given timesteps and
 *       labels, which the noised pass takes as inputs (a sampler's blocks share them step for step);</li>
 *   <li>{@link #classifier}: the clean stream over whole images, mean-pooled, and a linear head with softmax
 *       cross-entropy (the fine-tune protocol).</li>
 * </ul>
 * The two streams are kept apart for everything but attention: clean tokens get plain RMSNorm and an ungated
 * residual, noised tokens adaLN-Zero. Token tensors are 2-D (rows = image·token) so that every linear layer
 * is one matmul.
 */
public final class AcditGraph {

    /** Placeholder and output names shared by the sub-graphs. */
    public static final String TOKENS = "tokens";
    public static final String CLEAN = "clean";
    public static final String TFREQ = "tfreq";
    public static final String LABEL = "label";
    /** The training target per noised token: ε, v or the flow's velocity, by objective. */
    public static final String TARGET = "target";
    public static final String LOSS_WEIGHT = "loss_weight";
    public static final String MASK = "mask";
    /** Sampling passes: the additive mask per (query token, head) row, see {@link #cleanPass} and {@link #noisedPass}. */
    public static final String HEAD_MASK = "head_mask";
    public static final String COS = "rope_cos";
    public static final String SIN = "rope_sin";
    public static final String COS_CLEAN = "rope_cos_clean";
    public static final String SIN_CLEAN = "rope_sin_clean";
    public static final String COS_NOISED = "rope_cos_noised";
    public static final String SIN_NOISED = "rope_sin_noised";
    public static final String PREDICTION = "prediction";
    public static final String LOSS = "loss";
    public static final String CLASS_LABEL = "class_label";
    public static final String LOGITS = "logits";
    public static final String HEAD_WEIGHT = "head_w";
    public static final String HEAD_BIAS = "head_b";

    /**
     * Block sizes up to this fold the heads into query rows in the sampling passes ({@code Ctx#attendFolded});
     * larger blocks attend per head. Folding costs H times the attention FLOPs and pays only while a block's
     * few query tokens make n·H tiny matrix products the larger cost (docs/PERFORMANCE.md, fifth round).
     */
    static final int FOLDED_HEADS_MAX_BLOCK = 4;

    /** adaLN-Zero vectors of a noised layer (shift, 1 + scale, gate for attention and MLP) and of the final layer. */
    private static final int LAYER_MODULATIONS = 6;
    private static final int FINAL_MODULATIONS = 2;

    private final AcditConfig config;
    private final AcditWeights weights;
    private final RopeNd rope;

    public AcditGraph(AcditConfig config, AcditWeights weights) {
        this.config = config;
        this.weights = weights;
        this.rope = new RopeNd(config.spec().rope(), config.headDim(), config.layout());
    }

    public static String hidden(int layer) {
        return "hidden" + layer;
    }

    /**
     * Modulation vector {@code chunk} of noised layer {@code layer}: 0..5 are the shift, 1 + scale and gate of the
     * attention, then of the MLP.
     */
    public static String modulation(int layer, int chunk) {
        return "modulation" + layer + "_" + chunk;
    }

    /** Modulation vector {@code chunk} of the final layer: 0 the shift, 1 the 1 + scale. */
    public static String finalModulation(int chunk) {
        return "final_modulation" + chunk;
    }

    public RopeNd rope() {
        return rope;
    }

    /**
     * Whether this model's sampling passes fold heads into query rows: then their K/V are (n, L, D), the mask
     * is {@link #HEAD_MASK} (Q·H, Lk) and CFG groups can share a context; otherwise K/V are (n, H, L, hd), the
     * mask is {@link #MASK} (Q, Lk) and every query group has its own context.
     */
    public boolean foldsHeads() {
        return config.layout().blockSize() <= FOLDED_HEADS_MAX_BLOCK;
    }

    /**
     * The training graph with the loss marked; placeholders: clean (if N > 1), tokens, tfreq and label per
     * noised token, target, loss_weight, and the RoPE tables per image ({@link #trainingRopeTable}).
     *
     * <p>Unlike the sampling passes, nothing here is broadcast against a tensor that needs a gradient along
     * the broadcast axis: the condition comes per noised token (so adaLN-Zero is elementwise, its matmul
     * running on every token instead of once per block) and the RoPE tables come at full size. SameDiff M2.1's
     * {@code multiply_bp} reduces broadcast axes slowly; these took most of a training step's kernel time.
     */
    public SameDiff training() {
        Ctx g = new Ctx(true);
        int n = config.layout().blocks();
        int b = config.layout().blockSize();
        SkipCausalMask scam = new SkipCausalMask(n, b);
        int lc = scam.cleanTokens();
        int ln = n * b;
        SDVariable noised = g.tokensIn(TOKENS);                                        // (n·Ln, P)
        SDVariable hn = noised.mmul(g.w("x_embed_w"));                                 // (n·Ln, D)
        SDVariable siluC = g.condition();                                              // (n·Ln, D)
        SDVariable cosN = g.ropeIn(COS_NOISED, ln);                                    // (n, Ln, H, hd)
        SDVariable sinN = g.ropeIn(SIN_NOISED, ln);                                    // (n, Ln, H, hd)
        SDVariable hc = null;                                                          // (n·Lc, D) when N > 1
        SDVariable cosC = null;                                                        // (n, Lc, H, hd)
        SDVariable sinC = null;                                                        // (n, Lc, H, hd)
        SDVariable maskCc = null;                                                      // (Lc, Lc)
        if (lc > 0) {
            SDVariable clean = g.tokensIn(CLEAN);                                      // (n·Lc, P)
            hc = clean.mmul(g.w("x_embed_w"));                                         // (n·Lc, D)
            cosC = g.ropeIn(COS_CLEAN, lc);                                            // (n, Lc, H, hd)
            sinC = g.ropeIn(SIN_CLEAN, lc);                                            // (n, Lc, H, hd)
            maskCc = g.constant("mask_cc", Nd4j.create(scam.cleanToClean()).castTo(config.dataType())); // (Lc, Lc)
        }
        SDVariable maskN = lc > 0                                                      // (Ln, Lc+Ln)
                ? g.constant("mask_n", Nd4j.create(scam.noisedToAll()).castTo(config.dataType())) // (Ln, Lc+Ln)
                : null;
        for (int l = 0; l < config.depth(); l++) {
            KeyValue ctx = null;
            if (hc != null) {
                CleanLayer cl = g.cleanLayer(l, hc, lc, lc, cosC, sinC, null, maskCc);
                hc = cl.hidden;                                                        // (n·Lc, D)
                ctx = cl.kv;
            }
            hn = g.noisedLayer(l, hn, ln, ln, ln, 1, g.layerModulations(l, siluC, ln, 1), cosN, sinN, ctx,
                    maskN);                                                            // (n·Ln, D)
        }
        SDVariable prediction = g.finalLayer(hn, g.finalModulations(siluC, ln, 1), ln, 1)
                .rename(PREDICTION);                                                   // (n·Ln, P)
        SDVariable target = g.tokensIn(TARGET);                                        // (n·Ln, P)
        SDVariable weight = g.sd.placeHolder(LOSS_WEIGHT, config.dataType(), -1, 1);   // (n·Ln, 1)
        SDVariable diff = prediction.sub(target);                                      // (n·Ln, P)
        SDVariable err = diff.mul(diff).mul(weight);                                   // (n·Ln, P)
        SDVariable loss = err.mean().rename(LOSS);                                     // ()
        loss.markAsLoss();
        return g.sd;
    }

    /**
     * Clean tokens (lq per image) attending context K/V plus themselves. Placeholders: tokens, rope cos/sin
     * (lq, 1, hd), the context's K/V per layer and the additive mask (lq, Lctx+lq), in the layouts of
     * {@link #foldsHeads}: K/V (n, Lctx, D) and the mask repeated for the H heads of each query token as
     * {@link #HEAD_MASK} (lq·H, ·) (row q·H + h), or K/V (n, H, Lctx, hd) and {@link #MASK}. Outputs per layer:
     * K, V of the tokens after QK-norm and RoPE in the same layout, and the hidden state (n·lq, D).
     *
     * <p>Without {@code context} (the no-cache prefix and {@code encode}) there are no context placeholders and
     * the tokens attend each other per head under {@link #MASK} (lq, lq) whatever the layout: folding heads
     * pays only for few query tokens.
     */
    public SameDiff cleanPass(int lq, boolean context) {
        Ctx g = new Ctx(false);
        SDVariable tokens = g.tokensIn(TOKENS);                                        // (n·lq, P)
        SDVariable h = tokens.mmul(g.w("x_embed_w"));                                  // (n·lq, D)
        SDVariable cos = g.sd.placeHolder(COS, config.dataType(), lq, 1, config.headDim()); // (lq, 1, hd)
        SDVariable sin = g.sd.placeHolder(SIN, config.dataType(), lq, 1, config.headDim()); // (lq, 1, hd)
        SDVariable mask = context ? g.maskIn(lq)                                       // (lq[·H], Lctx+lq)
                : g.sd.placeHolder(MASK, config.dataType(), lq, lq);                   // (lq, lq)
        for (int l = 0; l < config.depth(); l++) {
            CleanLayer cl = g.cleanLayer(l, h, lq, lq, cos, sin, context ? g.contextIn(l) : null, mask);
            h = cl.hidden.rename(hidden(l));                                           // (n·lq, D)
            cl.kv.k.rename(KvCacheNames.key(l));                                       // (n, lq, D) or (n, H, lq, hd)
            cl.kv.v.rename(KvCacheNames.value(l));                                     // (n, lq, D) or (n, H, lq, hd)
        }
        return g.sd;
    }

    /**
     * The adaLN-Zero modulation vectors of one noised block per query group: placeholders tfreq and label per
     * group (U rows); outputs {@link #modulation} (layer, 0..5) and {@link #finalModulation} (0, 1), each
     * (U, D) when a block is one token, else (U, 1, 1, D): what {@link #noisedPass} takes. They depend only on
     * the timestep and the label, so every block of a sampling request reuses those of the solver step.
     */
    public SameDiff conditionPass() {
        Ctx g = new Ctx(false);
        int b = config.layout().blockSize();
        SDVariable siluC = g.condition();                                              // (U, D)
        for (int l = 0; l < config.depth(); l++) {
            SDVariable[] chunks = g.layerModulations(l, siluC, 1, b);                  // 6 × (U, D) or (U, 1, 1, D)
            for (int i = 0; i < chunks.length; i++) {
                chunks[i].rename(modulation(l, i));
            }
        }
        SDVariable[] last = g.finalModulations(siluC, 1, b);                          // 2 × (U, D) or (U, 1, 1, D)
        for (int i = 0; i < last.length; i++) {
            last[i].rename(finalModulation(i));
        }
        return g.sd;
    }

    /** The names of {@link #conditionPass}'s outputs: every layer's {@link #modulation}s, then {@link #finalModulation}s. */
    public List<String> conditionOutputs() {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < config.depth(); l++) {
            for (int i = 0; i < LAYER_MODULATIONS; i++) {
                names.add(modulation(l, i));
            }
        }
        for (int i = 0; i < FINAL_MODULATIONS; i++) {
            names.add(finalModulation(i));
        }
        return names;
    }

    /**
     * One noised block (B tokens) per query group attending its image's context K/V plus its own block. The
     * {@code groups} consecutive query groups of an image (the conditional and unconditional halves of
     * classifier-free guidance) share one context: rows come in (image, group, token) order, the context
     * K/V per layer as (n, Lctx, D) with n = rows / (groups·B). {@link #HEAD_MASK} (groups·B·H,
     * Lctx+groups·B) keeps each group's queries off the other groups' tokens. Placeholders also: tokens,
     * the modulation vectors per group ({@link #conditionPass}'s outputs), rope cos/sin (B, 1, hd); output: the
     * predicted ε (rows, P). Without {@link #foldsHeads} there is one group per context image, whose K/V are
     * (n, H, Lctx, hd), and no mask.
     */
    public SameDiff noisedPass(int groups) {
        if (groups != 1 && !foldsHeads()) {
            throw new IllegalArgumentException("query groups share a context only when heads are folded (block size <= "
                    + FOLDED_HEADS_MAX_BLOCK + ")");
        }
        Ctx g = new Ctx(false);
        int b = config.layout().blockSize();
        int queries = groups * b;
        SDVariable tokens = g.tokensIn(TOKENS);                                        // (n·G·B, P)
        SDVariable h = tokens.mmul(g.w("x_embed_w"));                                  // (n·G·B, D)
        SDVariable cos = g.sd.placeHolder(COS, config.dataType(), b, 1, config.headDim()); // (B, 1, hd)
        SDVariable sin = g.sd.placeHolder(SIN, config.dataType(), b, 1, config.headDim()); // (B, 1, hd)
        SDVariable mask = foldsHeads() ? g.maskIn(queries) : null;                     // (G·B·H, Lctx+G·B)
        for (int l = 0; l < config.depth(); l++) {
            int layer = l;
            SDVariable[] chunks = g.modulationsIn(LAYER_MODULATIONS, i -> modulation(layer, i)); // 6 × (n·G, D) or (n·G, 1, 1, D)
            h = g.noisedLayer(l, h, b, queries, 1, b, chunks, cos, sin, g.contextIn(l), mask).rename(hidden(l)); // (n·G·B, D)
        }
        SDVariable[] last = g.modulationsIn(FINAL_MODULATIONS, AcditGraph::finalModulation); // 2 × (n·G, D) or (n·G, 1, 1, D)
        g.finalLayer(h, last, 1, b).rename(PREDICTION);                                // (n·G·B, P)
        return g.sd;
    }

    /**
     * The clean stream over all L tokens of each image under the block-causal mask (what {@code encode} runs),
     * mean-pooled after the last layer, then the linear head {@code headWeight} (D, C), {@code headBias} (C) and
     * the mean softmax cross-entropy against {@link #CLASS_LABEL} (n, C) one-hot, marked as the loss.
     * Placeholders: tokens, class_label; outputs: logits, loss.
     */
    public SameDiff classifier(INDArray headWeight, INDArray headBias) {
        Ctx g = new Ctx(true);
        int l = config.layout().tokens();
        int classes = (int) headBias.length();
        SDVariable tokens = g.tokensIn(TOKENS);                                        // (n·L, P)
        SDVariable h = tokens.mmul(g.w("x_embed_w"));                                  // (n·L, D)
        SDVariable cos = g.constant("cos_all", ropeTable(true, 0, l));                 // (L, 1, hd)
        SDVariable sin = g.constant("sin_all", ropeTable(false, 0, l));                // (L, 1, hd)
        SDVariable mask = g.constant(MASK, Nd4j.create(SkipCausalMask.blockCausal(l, config.layout().blockSize()))
                .castTo(config.dataType()));                                           // (L, L)
        for (int layer = 0; layer < config.depth(); layer++) {
            h = g.cleanLayer(layer, h, l, l, cos, sin, null, mask).hidden;             // (n·L, D)
        }
        SDVariable pooled = h.reshape(-1, l, config.width()).mean(1);                  // (n, D)
        SDVariable logits = pooled.mmul(g.sd.var(HEAD_WEIGHT, headWeight))
                .add(g.sd.var(HEAD_BIAS, headBias)).rename(LOGITS);                    // (n, C)
        SDVariable labels = g.sd.placeHolder(CLASS_LABEL, config.dataType(), -1, classes); // (n, C)
        SDVariable loss = g.meanCrossEntropy(logits, labels).rename(LOSS);             // ()
        loss.markAsLoss();
        return g.sd;
    }

    /** RoPE cos or sin of sequence tokens {@code from..to-1} shaped for broadcasting: (to-from, 1, hd). */
    public INDArray ropeTable(boolean cos, int from, int to) {
        return ropeTable(rope, cos, from, to);
    }

    /** As {@link #ropeTable(boolean, int, int)} with the positions of {@code positions}: (to-from, 1, hd). */
    public INDArray ropeTable(RopeNd positions, boolean cos, int from, int to) {
        return positions.table(cos, from, to, config.dataType());
    }

    /**
     * RoPE cos or sin of sequence tokens {@code from..to-1} repeated for every image and head, as the training
     * graph takes them: (images, to-from, H, hd).
     */
    public INDArray trainingRopeTable(boolean cos, int from, int to, int images) {
        return rope.tiledTable(cos, from, to, images, config.heads(), config.dataType()); // (n, L, H, hd)
    }

    private record KeyValue(SDVariable k, SDVariable v) {
    }

    private record CleanLayer(SDVariable hidden, KeyValue kv) {
    }

    /** An attention block's projected output and the K/V of its own tokens. */
    private record Attended(SDVariable out, KeyValue own) {
    }

    /** One SameDiff instance under construction: the shared transformer pieces plus ACDiT's streams. */
    private final class Ctx extends TransformerGraphBuilder {

        Ctx(boolean differentiated) {
            super(config, weights.params(), rope, differentiated);
        }

        /**
         * adaLN-Zero's k modulation vectors per block from SiLU(c) (n·nb, D): k × (n, nb, 1, D), or k × (n·nb, D)
         * when a block is one token (nothing to broadcast, see {@link AdaLnZero}), with 1 added to the scale chunks
         * {@code scales} (AdaLnZero multiplies by them as they are). In the sampling passes one matmul whose output
         * is split along its last axis: splitting a (n, nb, k, D) view along axis 2 instead cost ~10 ms per call,
         * the largest op of the noised pass (docs/PERFORMANCE.md, fifth round).
         */
        SDVariable[] modulations(SDVariable siluC, String weight, String bias, int k, int blocks, int blockSize,
                                 int... scales) {
            int d = config.width();
            SDVariable[] chunks;
            if (blockSize == 1) {
                chunks = linearChunks(siluC, weight, bias, k);                              // k × (n·nb, D)
            } else if (!differentiated) {
                SDVariable all = siluC.mmul(w(weight)).add(w(bias)).reshape(-1, blocks, 1, k * d); // (n, nb, 1, k·D)
                chunks = sd.split(all, k, 3);                                               // k × (n, nb, 1, D)
            } else {
                chunks = linearChunks(siluC, weight, bias, k);                              // k × (n·nb, D)
                for (int i = 0; i < k; i++) {
                    chunks[i] = chunks[i].reshape(-1, blocks, 1, d);                        // (n, nb, 1, D)
                }
            }
            for (int scale : scales) {
                chunks[scale] = chunks[scale].add(1.0);                                     // 1 + scale
            }
            return chunks;
        }

        /** Layer l's six adaLN-Zero modulation vectors from SiLU(c), see {@link #modulations}. */
        SDVariable[] layerModulations(int l, SDVariable siluC, int blocks, int blockSize) {
            return modulations(siluC, parameter(l, "ada_w"), parameter(l, "ada_b"), LAYER_MODULATIONS, blocks,
                    blockSize, 1, 4);
        }

        /** The final layer's two adaLN-Zero modulation vectors from SiLU(c), see {@link #modulations}. */
        SDVariable[] finalModulations(SDVariable siluC, int blocks, int blockSize) {
            return modulations(siluC, "final_ada_w", "final_ada_b", FINAL_MODULATIONS, blocks, blockSize, 1);
        }

        /**
         * k modulation vectors of one block per query group as placeholders named {@code name.apply(i)}, shaped as
         * {@link #modulations} gives them for one block: (U, D) when a block is one token, else (U, 1, 1, D).
         */
        SDVariable[] modulationsIn(int k, IntFunction<String> name) {
            long[] shape = config.layout().blockSize() == 1 ? new long[] {-1, config.width()}      // (U, D)
                    : new long[] {-1, 1, 1, config.width()};                                       // (U, 1, 1, D)
            SDVariable[] chunks = new SDVariable[k];
            for (int i = 0; i < k; i++) {
                chunks[i] = sd.placeHolder(name.apply(i), config.dataType(), shape);
            }
            return chunks;
        }

        SDVariable constant(String name, INDArray value) {
            return sd.constant(name, value);
        }

        SDVariable tokensIn(String name) {
            return sd.placeHolder(name, config.dataType(), -1, config.layout().tokenSize());
        }

        SDVariable ropeIn(String name, int tokens) {
            return sd.placeHolder(name, config.dataType(), -1, tokens, config.heads(), config.headDim()); // (n, L, H, hd)
        }

        /** Context K/V of layer l for the sampling passes: (n, Lctx, D) each, or (n, H, Lctx, hd) per head. */
        KeyValue contextIn(int l) {
            long[] shape = foldsHeads() ? new long[] {-1, -1, config.width()}               // (n, Lctx, D)
                    : new long[] {-1, config.heads(), -1, config.headDim()};               // (n, H, Lctx, hd)
            return new KeyValue(sd.placeHolder(KvCacheNames.contextKey(l), config.dataType(), shape),
                    sd.placeHolder(KvCacheNames.contextValue(l), config.dataType(), shape));
        }

        /** The additive mask of a sampling pass with Q query tokens per context image: (Q·H, Lk) folded, else (Q, Lk). */
        SDVariable maskIn(int queries) {
            return foldsHeads()
                    ? sd.placeHolder(HEAD_MASK, config.dataType(), (long) queries * config.heads(), -1) // (Q·H, Lk)
                    : sd.placeHolder(MASK, config.dataType(), queries, -1);                // (Q, Lk)
        }

        /**
         * SiLU(timestep embedding + class embedding) of each conditioned unit: a block in the noised pass, a
         * noised token in the training graph. Timestep features and one-hot labels come one row per unit: (U, D).
         */
        SDVariable condition() {
            SDVariable tfreq = sd.placeHolder(TFREQ, config.dataType(), -1, AcditConfig.FREQUENCY_SIZE); // (U, F)
            SDVariable label = sd.placeHolder(LABEL, config.dataType(), -1, config.classes() + 1); // (U, C+1)
            SDVariable t1 = sd.nn.swish(tfreq.mmul(w("t_embed_w1")).add(w("t_embed_b1")));   // (U, D)
            SDVariable t = t1.mmul(w("t_embed_w2")).add(w("t_embed_b2"));                   // (U, D)
            SDVariable y = label.mmul(w("y_embed_table"));                                  // (U, D)
            return sd.nn.swish(t.add(y));                                                   // (U, D)
        }

        /**
         * One clean-stream layer over lq tokens per RoPE group; {@code queries} query tokens share one image's
         * context (lq, except in the noised pass with several CFG groups). K/V come out as (n, H, lq, hd) in a
         * differentiated graph and as (n, queries, D) in the sampling passes (see {@link #attention}).
         */
        CleanLayer cleanLayer(int l, SDVariable h, int lq, int queries, SDVariable cos, SDVariable sin, KeyValue ctx,
                              SDVariable mask) {
            SDVariable a = rmsNorm(h, parameter(l, "norm1"));                          // (n·lq, D)
            Attended att = attention(l, a, lq, queries, cos, sin, ctx, mask);               // (n·lq, D)
            SDVariable h1 = h.add(att.out());                                               // (n·lq, D)
            SDVariable m = mlp(l, rmsNorm(h1, parameter(l, "norm2")));                 // (n·lq, D)
            return new CleanLayer(h1.add(m), att.own());                                    // (n·lq, D)
        }

        /** One noised-stream layer under adaLN-Zero with its six {@code modulations} (see {@link #modulations}). */
        SDVariable noisedLayer(int l, SDVariable h, int lq, int queries, int blocks, int blockSize,
                               SDVariable[] modulations, SDVariable cos, SDVariable sin, KeyValue ctx,
                               SDVariable mask) {
            AdaLnZero ada = new AdaLnZero(modulations, blocks, blockSize, config.width());
            SDVariable a = ada.modulate(rmsNorm(h, parameter(l, "norm1")), 0, 1);      // (n·lq, D)
            SDVariable o = attention(l, a, lq, queries, cos, sin, ctx, mask).out();         // (n·lq, D)
            SDVariable h1 = h.add(ada.gate(o, 2));                                          // (n·lq, D)
            SDVariable n2 = ada.modulate(rmsNorm(h1, parameter(l, "norm2")), 3, 4);    // (n·lq, D)
            return h1.add(ada.gate(mlp(l, n2), 5));                                         // (n·lq, D)
        }

        SDVariable finalLayer(SDVariable h, SDVariable[] modulations, int blocks, int blockSize) {
            AdaLnZero ada = new AdaLnZero(modulations, blocks, blockSize, config.width());
            SDVariable x = ada.modulate(rmsNorm(h, "final_norm"), 0, 1);                    // (n·lq, D)
            return x.mmul(w("final_out_w")).add(w("final_out_b"));                          // (n·lq, P)
        }

        /**
         * Q, K, V of normalised tokens a (n·lq, D) after QK-norm and RoPE, the tokens' K/V appended to the context
         * {@code ctx} (may be null in a differentiated graph), and the attention output projected: (n·lq, D).
         */
        Attended attention(int l, SDVariable a, int lq, int queries, SDVariable cos, SDVariable sin, KeyValue ctx,
                           SDVariable mask) {
            int hd = config.headDim();
            SDVariable[] parts = linearChunks(a, parameter(l, "qkv_w"), parameter(l, "qkv_b"), 3); // 3 × (n·lq, D)
            if (!differentiated && foldsHeads() && ctx != null) {
                SDVariable[] qk = pairNormRope(l, parts[0], parts[1], lq, cos, sin);       // 2 × (n·lq, D)
                SDVariable kq = qk[1].reshape(-1, queries, config.width());                 // (n, Q, D)
                SDVariable vq = parts[2].reshape(-1, queries, config.width());              // (n, Q, D)
                SDVariable keys = sd.concat(1, ctx.k, kq);                                  // (n, Lk, D)
                SDVariable values = sd.concat(1, ctx.v, vq);                                // (n, Lk, D)
                return new Attended(attendFolded(l, qk[0], queries, keys, values, mask), new KeyValue(kq, vq));
            }
            SDVariable k = headNormRope(parts[1], parameter(l, "k_norm"), lq, cos, sin); // (n, lq, H, hd)
            SDVariable qh = headNormRope(parts[0], parameter(l, "q_norm"), lq, cos, sin)
                    .permute(0, 2, 1, 3);                                                   // (n, H, lq, hd)
            SDVariable kh = k.permute(0, 2, 1, 3);                                          // (n, H, lq, hd)
            SDVariable vh = parts[2].reshape(-1, lq, config.heads(), hd).permute(0, 2, 1, 3); // (n, H, lq, hd)
            SDVariable keys = ctx == null ? kh : sd.concat(2, ctx.k, kh);                   // (n, H, Lk, hd)
            SDVariable values = ctx == null ? vh : sd.concat(2, ctx.v, vh);                 // (n, H, Lk, hd)
            KeyValue own = differentiated || !foldsHeads() ? new KeyValue(kh, vh)           // (n, H, lq, hd)
                    : new KeyValue(k.reshape(-1, lq, config.width()),                       // (n, lq, D): the folded
                            parts[2].reshape(-1, lq, config.width()));                      // cache's layout
            return new Attended(attendByHead(l, qh, keys, values, mask), own);
        }

        /**
         * QK-norm and RoPE of the folded sampling passes for q and k together, (n·lq, D) each → 2 × (n·lq, D):
         * the same arithmetic as {@link #headNormRope} twice, in 20 graph ops instead of 28 (SameDiff's
         * bookkeeping per op is most of a call's time when blocks are small; with many rows the concat and split
         * copies cost more than the ops saved).
         */
        SDVariable[] pairNormRope(int l, SDVariable q, SDVariable k, int lq, SDVariable cos, SDVariable sin) {
            int hd = config.headDim();
            int heads = config.heads();
            SDVariable y = sd.concat(1, q, k).reshape(-1, 2, heads, hd);                    // (n·lq, 2, H, hd)
            SDVariable inv = sd.math.rsqrt(y.mul(y).mean(true, 3).add(RmsNorm.EPS));       // (n·lq, 2, H, 1)
            SDVariable gains = sd.concat(0, w(parameter(l, "q_norm")).reshape(1, 1, hd),
                    w(parameter(l, "k_norm")).reshape(1, 1, hd));                      // (2, 1, hd)
            SDVariable normed = y.mul(inv).mul(gains);                                      // (n·lq, 2, H, hd)
            if (rope.enabled()) {
                SDVariable rot = normed.reshape(-1, hd).mmul(ropeRotation())               // (n·lq·2H, hd)
                        .reshape(-1, lq, 2 * heads, hd);                                    // (n, lq, 2H, hd)
                normed = normed.reshape(-1, lq, 2 * heads, hd).mul(cos).add(rot.mul(sin)); // (n, lq, 2H, hd)
            }
            return sd.split(normed.reshape(-1, 2 * config.width()), 2, 1);                  // 2 × (n·lq, D)
        }

        /**
         * The same attention with the heads folded into the query rows, for the sampling passes: each query token
         * becomes H rows of full width D that are zero outside their head's columns, so one batched matmul per
         * image against K (n, Lk, D) gives every head's scores. With few query tokens per image (one at AR
         * length 64) this replaces n·H tiny matrix products by n, which SameDiff M2.1 runs several times faster,
         * at H times the (small) attention FLOPs, and K/V need no permuted copies.
         *
         * @param q (n·Q, D) after QK-norm and RoPE; each run of {@code queries} consecutive query tokens belongs
         *          to one image of k and v (n, Lk, D)
         * @param mask {@link #HEAD_MASK} (Q·H, Lk)
         */
        SDVariable attendFolded(int l, SDVariable q, int queries, SDVariable k, SDVariable v, SDVariable mask) {
            int d = config.width();
            SDVariable scaledHeads = headSelector("head_scaled", 1.0 / Math.sqrt(config.headDim())); // (H, D)
            SDVariable qh = q.reshape(-1, queries, 1, d).mul(scaledHeads)                 // (n, Q, H, D)
                    .reshape(-1, (long) queries * config.heads(), d);                      // (n, Q·H, D)
            SDVariable logits = sd.mmul(qh, k, false, true, false).add(mask);               // (n, Q·H, Lk)
            SDVariable p = sd.nn.softmax(logits, 2);                                        // (n, Q·H, Lk)
            SDVariable o = sd.mmul(p, v).reshape(-1, queries, config.heads(), d);           // (n, Q, H, D)
            SDVariable merged = o.mul(headSelector("head_select", 1.0)).sum(2);             // (n, Q, D)
            return project(l, merged.reshape(-1, d));                                       // (n·Q, D)
        }
    }
}
