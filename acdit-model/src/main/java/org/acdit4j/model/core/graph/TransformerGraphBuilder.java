package org.acdit4j.model.core.graph;

import static org.acdit4j.model.core.graph.TransformerLayerParameters.parameter;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One SameDiff graph under construction over a model's shared weight arrays, with the pieces the transformer
 * layers of ACDiT and of the token-AR baseline are both made of: RMSNorm, the fused QKV linear, per-head QK-norm
 * with RoPE, the head selectors of folded attention, the output projection, the GELU MLP and the softmax
 * cross-entropy. Each model's graph class extends it with its own inputs and layers. Token tensors are 2-D
 * (rows = sequence·token) so every linear layer is one matmul.
 */
public class TransformerGraphBuilder {

    public final SameDiff sd = SameDiff.create();
    /** A graph that is differentiated: wide linear layers are column slices of the weights, see {@link #linearChunks}. */
    protected final boolean differentiated;
    private final TransformerConfig config;
    private final Map<String, INDArray> weights;
    private final RopeNd rope;

    protected TransformerGraphBuilder(TransformerConfig config, Map<String, INDArray> weights, RopeNd rope,
                                      boolean differentiated) {
        this.config = config;
        this.weights = weights;
        this.rope = rope;
        this.differentiated = differentiated;
    }

    /** The graph variable of weight {@code name}, backed by the shared array (created on first use). */
    public SDVariable w(String name) {
        return sd.hasVariable(name) ? sd.getVariable(name) : sd.var(name, weights.get(name));
    }

    /** RMSNorm of x (R, F) with gain {@code gain} (F): (R, F). */
    public SDVariable rmsNorm(SDVariable x, String gain) {
        return RmsNorm.apply(sd, x, w(gain), differentiated);
    }

    /**
     * {@code x·W + b} for W (D, k·D), b (k·D), as k chunks of (R, D). In a differentiated graph each chunk is
     * its own matmul on a column slice of W: splitting one wide output along its last axis is a strided copy
     * whose forward and backward took ~25 ms per call in the training graph (docs/PERFORMANCE.md). In the
     * sampling passes, with few rows and no backward, one matmul and a split is fewer ops and faster.
     */
    public SDVariable[] linearChunks(SDVariable x, String weight, String bias, int k) {
        int d = config.width();
        if (!differentiated) {
            SDVariable all = x.mmul(w(weight)).add(w(bias));                           // (R, k·D)
            return k == 1 ? new SDVariable[] {all} : sd.split(all, k, 1);               // k × (R, D)
        }
        SDVariable[] chunks = new SDVariable[k];
        for (int i = 0; i < k; i++) {
            SDVariable wi = w(weight).get(SDIndex.all(), SDIndex.interval(i * d, (i + 1) * d)); // (D, D)
            SDVariable bi = w(bias).get(SDIndex.interval(i * d, (i + 1) * d));          // (D)
            chunks[i] = x.mmul(wi).add(bi);                                             // (R, D)
        }
        return chunks;
    }

    /** The rotate-half matrix R of {@link RopeNd}, one constant per graph: (hd, hd). */
    public SDVariable ropeRotation() {
        return sd.hasVariable("rope_rotation") ? sd.getVariable("rope_rotation")       // (hd, hd)
                : sd.constant("rope_rotation", Nd4j.create(rope.rotation()).castTo(config.dataType())); // (hd, hd)
    }

    /** RMSNorm over each head of x (n·lq, D), then the rotary embedding (if enabled): (n, lq, H, hd). */
    public SDVariable headNormRope(SDVariable x, String gain, int lq, SDVariable cos, SDVariable sin) {
        int hd = config.headDim();
        SDVariable rows = rmsNorm(x.reshape(-1, hd), gain);                             // (n·lq·H, hd)
        SDVariable y = rows.reshape(-1, lq, config.heads(), hd);                        // (n, lq, H, hd)
        if (rope.enabled()) {
            SDVariable rot = rows.mmul(ropeRotation()).reshape(-1, lq, config.heads(), hd); // (n, lq, H, hd)
            y = y.mul(cos).add(rot.mul(sin));                                           // (n, lq, H, hd)
        }
        return y;
    }

    /** Constant (H, D): {@code value} on head h's columns of row h, zero elsewhere; one per name and graph. */
    public SDVariable headSelector(String name, double value) {
        if (sd.hasVariable(name)) {
            return sd.getVariable(name);
        }
        int hd = config.headDim();
        INDArray selector = Nd4j.zeros(config.dataType(), config.heads(), config.width()); // (H, D)
        for (int h = 0; h < config.heads(); h++) {
            selector.get(NDArrayIndex.point(h), NDArrayIndex.interval(h * hd, (h + 1) * hd)).assign(value);
        }
        return sd.constant(name, selector);
    }

    /** Layer l's attention output projection: (R, D) → (R, D). */
    public SDVariable project(int l, SDVariable merged) {
        return merged.mmul(w(parameter(l, "proj_w")))
                .add(w(parameter(l, "proj_b")));                                       // (R, D)
    }

    /**
     * Layer l's scaled dot-product attention per head with an additive mask (or none), projected: q (n, H, lq, hd),
     * k and v (n, H, Lk, hd), mask (lq, Lk) → (n·lq, D).
     */
    public SDVariable attendByHead(int l, SDVariable q, SDVariable k, SDVariable v, SDVariable mask) {
        SDVariable qs = q.mul(1.0 / Math.sqrt(config.headDim()));                       // (n, H, lq, hd)
        SDVariable logits = sd.mmul(qs, k, false, true, false);                         // (n, H, lq, Lk)
        if (mask != null) {
            logits = logits.add(mask);                                                  // (n, H, lq, Lk)
        }
        SDVariable p = sd.nn.softmax(logits, 3);                                        // (n, H, lq, Lk)
        SDVariable o = sd.mmul(p, v).permute(0, 2, 1, 3);                               // (n, lq, H, hd)
        return project(l, o.reshape(-1, config.width()));                               // (n·lq, D)
    }

    /** Layer l's GELU(tanh) MLP: (R, D) → (R, D). */
    public SDVariable mlp(int l, SDVariable x) {
        SDVariable u = x.mmul(w(parameter(l, "fc1_w")))
                .add(w(parameter(l, "fc1_b")));                                        // (R, M)
        // 0.5·u·(1 + tanh(c·(u + 0.044715u³))) = u·σ(u·(2c + 2c·0.044715·u²)): 6 ops instead of 9
        double c2 = 2.0 * Math.sqrt(2.0 / Math.PI);
        SDVariable z = u.mul(u.mul(u).mul(c2 * 0.044715).add(c2));                     // (R, M)
        SDVariable g = u.mul(sd.nn.sigmoid(z));                                         // (R, M)
        return g.mmul(w(parameter(l, "fc2_w")))
                .add(w(parameter(l, "fc2_b")));                                        // (R, D)
    }

    /** Mean softmax cross-entropy of logits (R, C) against one-hot targets (R, C): (). */
    public SDVariable meanCrossEntropy(SDVariable logits, SDVariable oneHot) {
        // log-softmax by hand: sd.nn.logSoftmax(x, dimension) fails to build in 1.0.0-M2.1
        SDVariable shifted = logits.sub(logits.max(true, 1));                          // (R, C)
        SDVariable logProbabilities = shifted.sub(sd.math.log(sd.math.exp(shifted).sum(true, 1))); // (R, C)
        return oneHot.mul(logProbabilities).sum(1).mean().neg();                        // ()
    }
}
