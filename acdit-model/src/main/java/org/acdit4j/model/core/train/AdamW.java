package org.acdit4j.model.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.framework.spec.TrainSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam with decoupled weight decay on host arrays: global grad-norm clipping, then ND4J's fused Adam
 * update (bias-corrected moments) per parameter, then p ← p·(1 - lr·wd) - update. The moments of each
 * parameter live in one state array (m and v halves) that checkpoints save.
 */
public final class AdamW {

    private static final double EPSILON = 1e-8;

    private final TrainSpec spec;
    private final Map<String, INDArray> state = new LinkedHashMap<>();
    private final Map<String, AdamUpdater> updaters = new LinkedHashMap<>();
    private final Adam adam;

    public AdamW(TrainSpec spec, Map<String, INDArray> params) {
        this.spec = spec;
        this.adam = new Adam(spec.lr(), spec.beta1(), spec.beta2(), EPSILON);
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            INDArray p = e.getValue();
            INDArray s = Nd4j.zeros(p.dataType(), 1, 2 * p.length());
            AdamUpdater u = new AdamUpdater(adam);
            u.setStateViewArray(s, p.shape(), 'c', true);
            state.put(e.getKey(), s);
            updaters.put(e.getKey(), u);
        }
    }

    /** Clips {@code grads} in place to the global norm {@code spec.gradClip()} (0 = off); returns the norm before. */
    public double clip(Map<String, INDArray> grads) {
        double sq = 0;
        for (INDArray g : grads.values()) {
            double n = g.norm2Number().doubleValue();
            sq += n * n;
        }
        double norm = Math.sqrt(sq);
        if (spec.gradClip() > 0 && norm > spec.gradClip()) {
            double s = spec.gradClip() / (norm + 1e-12);
            grads.values().forEach(g -> g.muli(s));
        }
        return norm;
    }

    /** One update of every parameter at learning rate {@code lr}; {@code step} is 0-based. Consumes grads. */
    public void apply(Map<String, INDArray> params, Map<String, INDArray> grads, double lr, long step) {
        adam.setLearningRate(lr);
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            INDArray g = grads.get(e.getKey());
            updaters.get(e.getKey()).applyUpdater(g, (int) step, 0);      // g := Adam update
            INDArray p = e.getValue();
            if (spec.weightDecay() > 0) {
                p.muli(1 - lr * spec.weightDecay());
            }
            p.subi(g);
        }
    }

    /** Moment arrays by parameter name (live views; checkpoints read and overwrite them). */
    public Map<String, INDArray> state() {
        return state;
    }
}
