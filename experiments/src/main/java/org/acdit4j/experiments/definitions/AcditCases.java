package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.CaseBuilder;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.model.Acdit;

/**
 * Sweep cases of ACDiT configurations that the experiments list. Without a name a case is labelled by the ACDiT
 * plugin from its values ({@code AR length 4 (patch 8, block 1)}); a name says what the case stands for in the
 * experiment.
 */
final class AcditCases {

    private AcditCases() {
    }

    /** {@code tokens} per block at patch {@code patch}. */
    static Customizer<CaseBuilder> blocks(int patch, int tokens) {
        return c -> c.model(Acdit.TYPE, m -> m.patch(patch).blockSize(tokens));
    }

    /** {@code tokens} per block at patch {@code patch}, labelled {@code name} in tables, plots and MLflow. */
    static Customizer<CaseBuilder> blocks(String name, int patch, int tokens) {
        return c -> c.named(name).model(Acdit.TYPE, m -> m.patch(patch).blockSize(tokens));
    }

    /** {@code tokens} per block at patch {@code patch} with a model of {@code width} and {@code heads} heads, labelled {@code name}. */
    static Customizer<CaseBuilder> blocks(String name, int patch, int tokens, int width, int heads) {
        return c -> c.named(name).model(Acdit.TYPE, m -> m.patch(patch).blockSize(tokens).width(width).heads(heads));
    }
}
