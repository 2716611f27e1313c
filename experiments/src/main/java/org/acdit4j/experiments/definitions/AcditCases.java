package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.CaseBuilder;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.model.Acdit;

/** Sweep cases of ACDiT configurations that the experiments list. */
final class AcditCases {

    private AcditCases() {
    }

    /** {@code tokens} per block at patch {@code patch}. */
    static Customizer<CaseBuilder> blocks(int patch, int tokens) {
        return c -> c.model(Acdit.TYPE, m -> m.patch(patch).blockSize(tokens));
    }
}
