package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.CaseBuilder;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.model.tokenar.TokenAr;

/** The discrete-token AR baseline as a sweep case, the same in every experiment that compares against it. */
final class TokenArCases {

    private TokenArCases() {
    }

    /**
     * The image experiments' token-AR arm: {@link CpuScale}'s model size (width 64, depth 3, 4 heads, patch 4) under
     * the optimizer it converged with ({@link CpuScale#tokenArOptimizer}).
     */
    static Customizer<CaseBuilder> discreteTokenAr(String name) {
        return c -> c.named(name).model(TokenAr.TYPE, m -> m.width(64).depth(3).heads(4).patch(4))
                .train(CpuScale::tokenArOptimizer);
    }

    /** The smoke presets' token-AR arm: a one-layer width-16 model at patch 2 with 16 codes. */
    static Customizer<CaseBuilder> smokeTokenAr(String name) {
        return c -> c.named(name).model(TokenAr.TYPE, m -> m.width(16).depth(1).heads(2).patch(2).codes(16));
    }
}
