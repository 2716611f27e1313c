package org.acdit4j.model.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.graph.ParameterVector;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam with decoupled weight decay over a {@link ParameterVector}: global grad-norm clipping, then ND4J's fused Adam
 * update (bias-corrected moments), then p ← p·(1 - lr·wd) - update, each one op over the whole vector. The moments
 * live in one state array (m of every parameter, then v); checkpoints hold them per parameter as (1, 2·size) arrays,
 * m then v, the layout of a per-parameter Adam state.
 */
public final class AdamW {

    private static final double EPSILON = 1e-8;

    private final TrainSpec spec;
    private final Map<String, INDArray> firstMoments;
    private final Map<String, INDArray> secondMoments;
    private final AdamUpdater updater;
    private final Adam adam;

    /** Moments for the parameters laid out as {@code params}. */
    public AdamW(TrainSpec spec, ParameterVector params) {
        this.spec = spec;
        this.adam = new Adam(spec.lr(), spec.beta1(), spec.beta2(), EPSILON);
        long n = params.length();
        INDArray state = Nd4j.zeros(params.vector().dataType(), 1, 2 * n);             // (1, 2N): m, then v
        this.updater = new AdamUpdater(adam);
        updater.setStateViewArray(state, new long[] {n}, 'c', true);
        this.firstMoments = params.viewsOf(state.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, n)));
        this.secondMoments = params.viewsOf(state.get(NDArrayIndex.point(0), NDArrayIndex.interval(n, 2 * n)));
    }

    /**
     * Clips {@code gradient} (N) in place to the global norm {@code spec.gradClip()} (0 = off); returns the norm
     * before.
     */
    public double clip(INDArray gradient) {
        double norm = gradient.norm2Number().doubleValue();
        if (spec.gradClip() > 0 && norm > spec.gradClip()) {
            gradient.muli(spec.gradClip() / (norm + 1e-12));
        }
        return norm;
    }

    /**
     * One update of the parameter vector {@code params} (N) at learning rate {@code lr}; {@code step} is 0-based.
     * Consumes {@code gradient}.
     */
    public void apply(INDArray params, INDArray gradient, double lr, long step) {
        adam.setLearningRate(lr);
        updater.applyUpdater(gradient, (int) step, 0);                        // gradient := Adam update
        if (spec.weightDecay() > 0) {
            params.muli(1 - lr * spec.weightDecay());
        }
        params.subi(gradient);
    }

    /** The moments by parameter name, each a new (1, 2·size) array: m, then v. */
    public Map<String, INDArray> stateByParameter() {
        Map<String, INDArray> byName = new LinkedHashMap<>();
        firstMoments.forEach((name, m) -> byName.put(name,
                Nd4j.hstack(m.reshape(1, m.length()), secondMoments.get(name).reshape(1, m.length()))));
        return byName;
    }

    /** Sets the moments from arrays as {@link #stateByParameter} gives them. */
    public void restoreState(Map<String, INDArray> byName) {
        firstMoments.forEach((name, m) -> {
            INDArray saved = byName.get(name);
            if (saved == null || saved.length() != 2 * m.length()) {
                throw new IllegalArgumentException("no Adam state of " + 2 * m.length() + " values for parameter '"
                        + name + "'");
            }
            INDArray row = saved.reshape(saved.length());
            m.assign(row.get(NDArrayIndex.interval(0, m.length())).reshape(m.shape()));
            secondMoments.get(name).assign(row.get(NDArrayIndex.interval(m.length(), 2 * m.length()))
                    .reshape(m.shape()));
        });
    }
}
