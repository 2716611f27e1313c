package org.acdit4j.model.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A training graph's loss and parameter gradients computed by its gradient function ({@code createGradFunction}'s
 * "grad" sub-graph: the forward and backward ops) on {@link CompiledGraph} instead of SameDiff's session. Same ops
 * in the same order, so the same values (bit for bit in {@code CompiledGradientTest}). What it saves is the
 * session's per-op bookkeeping and the allocation and shape calculation of every intermediate array, which it keeps
 * from step to step; at the experiments' small models (16×16 images, width 64) that is over a third of a step
 * (docs/PERFORMANCE.md, seventh round). Keeping them is the point: a graph whose intermediates exceed
 * {@link #RETAINED_BYTES_LIMIT} (the 32×32 reference model: 2.2–3.8 GiB) frees them after its first call and reports
 * {@link #keepsArrays()} false, and its network goes back to the session, which was faster there than freeing and
 * allocating every array each step.
 */
public final class CompiledGradient {

    /** Most bytes of intermediate arrays kept between steps; beyond it the pass gives way to the session. */
    static final long RETAINED_BYTES_LIMIT = 1L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(CompiledGradient.class);

    private final CompiledGraph graph;
    private final String loss;
    /** Parameter name → the name of its gradient variable in the gradient function. */
    private final Map<String, String> gradientOf;
    private final long retainedBytesLimit;
    /** Set by the first call: whether the intermediate arrays fit the limit and are kept. */
    private boolean decided;
    private boolean keepsArrays;

    private CompiledGradient(CompiledGraph graph, String loss, Map<String, String> gradientOf, long retainedBytesLimit) {
        this.graph = graph;
        this.loss = loss;
        this.gradientOf = gradientOf;
        this.retainedBytesLimit = retainedBytesLimit;
    }

    /** Compiles the gradient function of {@code sd} (which must have one) for {@code loss} and {@code parameters}. */
    public static CompiledGradient of(SameDiff sd, String loss, Set<String> parameters) {
        return of(sd, loss, parameters, RETAINED_BYTES_LIMIT);
    }

    /** As {@link #of(SameDiff, String, Set)}, keeping intermediate arrays up to {@code retainedBytesLimit} bytes. */
    static CompiledGradient of(SameDiff sd, String loss, Set<String> parameters, long retainedBytesLimit) {
        SameDiff gradientFunction = sd.getFunction("grad");
        if (gradientFunction == null) {
            throw new IllegalStateException("the training graph has no gradient function yet");
        }
        Map<String, String> gradientOf = new LinkedHashMap<>();
        parameters.forEach(parameter -> gradientOf.put(parameter, sd.grad(parameter).name()));
        List<String> outputs = new ArrayList<>();
        outputs.add(loss);
        outputs.addAll(gradientOf.values());
        return new CompiledGradient(CompiledGraph.compile(gradientFunction, outputs), loss, gradientOf,
                retainedBytesLimit);
    }

    /**
     * The loss and every parameter's gradient for one feed of the training graph's placeholders. The first call
     * decides, by the bytes its intermediate arrays take, whether they are kept; once they are not, this pass is done.
     *
     * @throws IllegalStateException after a first call whose arrays did not fit
     */
    public LossAndGradients lossAndGradients(Map<String, INDArray> feed) {
        if (decided && !keepsArrays) {
            throw new IllegalStateException("the compiled gradient freed its arrays (over " + (retainedBytesLimit >> 20)
                    + " MiB); compute gradients through the session");
        }
        Map<String, INDArray> out = graph.output(feed);
        if (!decided) {
            long retained = graph.retainedBytes();
            keepsArrays = retained <= retainedBytesLimit;
            if (!keepsArrays) {
                graph.releaseArrays();
            }
            decided = true;
            LOG.info("training gradient compiled: {} ops, {} MiB of intermediate arrays, {}", graph.opCount(),
                    retained >> 20, keepsArrays ? "kept between steps" : "over " + (retainedBytesLimit >> 20)
                            + " MiB: later steps go through SameDiff's session");
        }
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradientOf.forEach((parameter, gradient) -> gradients.put(parameter, out.get(gradient)));
        return new LossAndGradients(out.get(loss).getDouble(0), gradients);
    }

    /** Whether this pass serves the next call: true until a first call whose arrays did not fit the limit. */
    public boolean keepsArrays() {
        return !decided || keepsArrays;
    }
}
