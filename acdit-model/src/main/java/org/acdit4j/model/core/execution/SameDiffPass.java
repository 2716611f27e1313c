package org.acdit4j.model.core.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A {@link GraphPass} through SameDiff's own session ({@code sd.output}): the reference for {@link CompiledGraph}. */
final class SameDiffPass implements GraphPass {

    private final SameDiff sd;
    private final List<String> outputs;

    SameDiffPass(SameDiff sd, List<String> outputs) {
        this.sd = sd;
        this.outputs = List.copyOf(outputs);
    }

    @Override
    public Map<String, INDArray> output(Map<String, INDArray> placeholders) {
        Map<String, INDArray> result = new LinkedHashMap<>();
        sd.output(placeholders, outputs).forEach((name, array) -> result.put(name, array.dup())); // the session may reuse its arrays
        return result;
    }

    @Override
    public Map<String, INDArray> outputOnce(Map<String, INDArray> placeholders) {
        return output(placeholders);
    }

    /** Nothing to free: SameDiff's session manages its own arrays. */
    @Override
    public void releaseArrays() {
    }
}
