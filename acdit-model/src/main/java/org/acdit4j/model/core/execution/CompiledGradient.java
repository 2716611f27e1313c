package org.acdit4j.model.core.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A training graph's loss and parameter gradients computed by its gradient function ({@code createGradFunction}'s
 * "grad" sub-graph: the forward and backward ops) on {@link CompiledGraph} instead of SameDiff's session. Same ops
 * in the same order, so the same values (bit for bit in {@code CompiledGradientTest}). What it saves is the
 * session's per-op bookkeeping and, while they fit its byte limit ({@link #retainedBytesLimit}), the allocation and
 * shape calculation of every intermediate array, which it then keeps from step to step (docs/PERFORMANCE.md, seventh
 * round). The first call frees each intermediate array after its last reader and measures what keeping them would
 * take; a graph over the limit goes on that way, so its resident memory is the live set of one step, not every array
 * of it (docs/PERFORMANCE.md, "Memory"). Allocating every array again each step costs the 32×32 reference model
 * (2.2–3.8 GiB of them) about a quarter of its step, and more with two lanes, which then allocate at once
 * (docs/PERFORMANCE.md, twelfth round).
 */
public final class CompiledGradient {

    /** Most bytes of intermediate arrays one lane keeps between steps when the JVM's native memory is not capped. */
    static final long UNCAPPED_RETAINED_BYTES_LIMIT = 1L << 30;
    /** Share of the JVM's cap on its resident set that the kept arrays of all its training lanes may take. */
    static final double RETAINED_SHARE_OF_CAP = 0.5;

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

    /**
     * Compiles the gradient function of {@code sd} (which must have one) for {@code loss} and {@code parameters}, as
     * one of {@code lanes} training lanes of this JVM, whose ops run on {@code threadsPerLane} threads while its
     * arrays are kept ({@link CompiledGraph#useThreads}).
     */
    public static CompiledGradient of(SameDiff sd, String loss, Set<String> parameters, int lanes, int threadsPerLane) {
        CompiledGradient gradient = withRetainedBytesLimit(sd, loss, parameters,
                retainedBytesLimit(Pointer.maxPhysicalBytes(), lanes));
        gradient.graph.useThreads(threadsPerLane);
        return gradient;
    }

    /**
     * Bytes of intermediate arrays one of {@code lanes} lanes may keep between steps, in a JVM whose resident set is
     * capped at {@code physicalBytesCap} (JavaCPP's {@code maxPhysicalBytes}, which a run sets to its share of the
     * machine; 0 for none): {@link #RETAINED_SHARE_OF_CAP} of the cap split over the lanes, never below
     * {@link #UNCAPPED_RETAINED_BYTES_LIMIT}.
     */
    static long retainedBytesLimit(long physicalBytesCap, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("a training graph runs on at least one lane, got " + lanes);
        }
        long share = (long) (physicalBytesCap * RETAINED_SHARE_OF_CAP / lanes);
        return Math.max(UNCAPPED_RETAINED_BYTES_LIMIT, share);
    }

    /** As {@link #of}, keeping intermediate arrays up to {@code retainedBytesLimit} bytes. */
    static CompiledGradient withRetainedBytesLimit(SameDiff sd, String loss, Set<String> parameters,
                                                   long retainedBytesLimit) {
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
     * frees its intermediate arrays as it goes and decides, by the bytes they took, whether later calls keep them.
     */
    public LossAndGradients lossAndGradients(Map<String, INDArray> feed) {
        Map<String, INDArray> out = keepsArrays ? graph.output(feed) : graph.outputOnce(feed);
        if (!decided) {
            long intermediate = graph.lastIntermediateBytes();
            keepsArrays = intermediate <= retainedBytesLimit;
            decided = true;
            LOG.info("training gradient compiled: {} ops, {} MiB of intermediate arrays, {}", graph.opCount(),
                    intermediate >> 20, keepsArrays ? "kept between steps" : "over " + (retainedBytesLimit >> 20)
                            + " MiB: each step frees them after their last use, at most "
                            + (graph.lastPeakLiveBytes() >> 20) + " MiB alive at once");
        }
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradientOf.forEach((parameter, gradient) -> gradients.put(parameter, out.get(gradient)));
        return new LossAndGradients(out.get(loss).getDouble(0), gradients);
    }

    /** Whether later calls keep the intermediate arrays: false before the first call and over the limit. */
    public boolean keepsArrays() {
        return keepsArrays;
    }
}
