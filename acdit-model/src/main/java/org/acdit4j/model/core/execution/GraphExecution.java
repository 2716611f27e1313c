package org.acdit4j.model.core.execution;

import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;

/** How the sampling passes and the training gradient run their SameDiff graphs. */
public enum GraphExecution {

    /** Compiled once per graph and outputs, run without SameDiff's session ({@link CompiledGraph}); the default. */
    COMPILED,
    /** Through SameDiff's session ({@code output}, {@code calculateGradients}): slower, the reference the compiled
     * passes are tested against. */
    SAMEDIFF;

    /** A pass computing {@code outputs} of {@code sd}. */
    public GraphPass prepare(SameDiff sd, List<String> outputs) {
        return this == COMPILED ? CompiledGraph.compile(sd, outputs) : new SameDiffPass(sd, outputs);
    }
}
