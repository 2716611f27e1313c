package org.acdit4j.model.core.execution;

import org.acdit4j.framework.console.DifferentiationNoise;
import org.nd4j.autodiff.samediff.SameDiff;

/** Builds a graph's gradient function once, without SameDiff's per-op console lines ({@link DifferentiationNoise}). */
public final class GradientFunctions {

    private GradientFunctions() {
    }

    /** {@code sd.createGradFunction()} unless the graph already has one. */
    public static synchronized void ensure(SameDiff sd) {
        if (sd.getFunction("grad") != null) {
            return;
        }
        DifferentiationNoise.suppressDuring(sd::createGradFunction);
    }
}
