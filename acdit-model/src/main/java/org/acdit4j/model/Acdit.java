package org.acdit4j.model;

import org.acdit4j.framework.model.ModelType;
import org.acdit4j.framework.spec.SweptKeyAxis;

/**
 * The ACDiT plugin's type, for definitions: {@code e.model(Acdit.TYPE, m -> m.width(64).patch(4).blockSize(16))}
 * and {@code e.sampler(Acdit.TYPE, s -> s.solver(Solver.DDIM).steps(25))}.
 */
public final class Acdit {

    /** The registered name, {@code model.name=acdit}. */
    public static final String NAME = "acdit";
    public static final ModelType<AcditSection, DiffusionSamplerSection> TYPE = ModelType.of(NAME, AcditSection::new,
            DiffusionSamplerSection::new);
    /** The swept block size presented as the AR length, tokens / block size: {@code report.axis(Acdit.AR_LENGTH)}. */
    public static final SweptKeyAxis AR_LENGTH = ArLength.axis();

    private Acdit() {
    }
}
