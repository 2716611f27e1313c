package org.acdit4j.model.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.acdit4j.framework.model.TrainStepResult;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.ParameterVector;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What training changes besides the weights' values, for one model's parameter map: AdamW moments, the EMA copy,
 * the learning-rate schedule, the step counter and the host RNG. It runs the host side of an optimizer step
 * (clip, AdamW at the scheduled rate, EMA), swaps the EMA weights in for sampling, and writes and restores all of
 * it in the checkpoint format both models share: meta {@code config}, {@code train}, {@code step}, {@code rng};
 * arrays {@code param/}, {@code ema/}, {@code adam/} by parameter name.
 */
public final class TrainingState {

    private final TrainSpec train;
    private final Map<String, INDArray> params;
    /** The weights gathered into one vector for the optimizer's step (and written back after it). */
    private final ParameterVector vector;
    /** Where a step's gradients are gathered, laid out as {@link #vector}. */
    private final ParameterVector gradient;
    private final HostRandom random;
    private final LrSchedule lrSchedule;
    private final AdamW optimizer;
    private final Ema ema;
    private final CollectionSchedule collections = new CollectionSchedule();
    private long step;

    /** @param params the live weights (updated in place), @param random the model's RNG (saved with the state) */
    public TrainingState(TrainSpec train, Map<String, INDArray> params, HostRandom random) {
        this.train = train;
        this.params = params;
        this.vector = ParameterVector.copyOf(params);
        this.gradient = vector.zerosLike();
        this.random = random;
        this.lrSchedule = new LrSchedule(train);
        this.optimizer = new AdamW(train, vector);
        this.ema = new Ema(train.ema(), vector);
    }

    /**
     * One optimizer step from {@code gradients} by parameter name (gathered into one vector, then freed; clipped):
     * AdamW at the scheduled rate, EMA, step count, and a {@code System.gc()} when one is due
     * ({@link CollectionSchedule}). The weights are gathered into one vector first and written back after, so the
     * step is a handful of ops over the vector (and a copy per parameter) whatever else changed the weights.
     */
    public TrainStepResult update(Map<String, INDArray> gradients, double loss) {
        vector.gather(params);
        gradient.gather(gradients);
        gradients.values().forEach(g -> {
            if (g.closeable()) {
                g.close();
            }
        });
        double norm = optimizer.clip(gradient.vector());
        double lr = lrSchedule.at(step);
        optimizer.apply(vector.vector(), gradient.vector(), lr, step);
        vector.scatter(params);
        ema.update(vector.vector(), step);
        step++;
        collections.afterStep();
        return new TrainStepResult(step, loss, norm, lr);
    }

    /** Runs {@code body} on the EMA weights if {@code useEma} (the live ones are put back after), else as they are. */
    public <T> T withWeights(boolean useEma, Supplier<T> body) {
        if (!useEma) {
            return body.get();
        }
        vector.gather(params);
        ema.vector().scatter(params);
        try {
            return body.get();
        } finally {
            vector.scatter(params);
        }
    }

    /** Optimizer steps taken so far. */
    public long step() {
        return step;
    }

    /** Writes a checkpoint of a model whose configuration is {@code fingerprint}: {@code extra} arrays, then the state. */
    public void save(Path checkpoint, String fingerprint, Map<String, INDArray> extra) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("config", fingerprint);
        meta.setProperty("train", train.toString());
        meta.setProperty("step", Long.toString(step));
        meta.setProperty("rng", Long.toString(random.state()));
        Map<String, INDArray> arrays = new LinkedHashMap<>(extra);
        params.forEach((k, v) -> arrays.put("param/" + k, v));
        ema.weights().forEach((k, v) -> arrays.put("ema/" + k, v));
        optimizer.stateByParameter().forEach((k, v) -> arrays.put("adam/" + k, v));
        new Checkpoint(meta, arrays).write(checkpoint);
    }

    /** Restores weights, EMA, moments, step and RNG from a checkpoint the caller has checked is this model's. */
    public void restore(Checkpoint c) {
        params.forEach((k, v) -> v.assign(c.arrays().get("param/" + k)));
        ema.weights().forEach((k, v) -> v.assign(c.arrays().get("ema/" + k)));
        Map<String, INDArray> moments = new HashMap<>();
        params.keySet().forEach(k -> moments.put(k, c.arrays().get("adam/" + k)));
        optimizer.restoreState(moments);
        step = Long.parseLong(c.meta().getProperty("step"));
        random.setState(Long.parseLong(c.meta().getProperty("rng")));
    }
}
