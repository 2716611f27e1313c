package org.acdit4j.model;

import java.util.OptionalDouble;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.SweptKeyAxis;

/**
 * The paper's AR length, the number of blocks per sequence: tokens / block size (16 tokens at block 16, 4, 1 are AR
 * lengths 1, 4, 16; an 8-frame clip of 16 tokens per frame at one frame per block is AR length 8). Reports present the
 * swept block size as this ({@link Acdit#AR_LENGTH}).
 */
final class ArLength {

    private ArLength() {
    }

    /** {@code model.blockSize} on an axis titled {@code AR length}. */
    static SweptKeyAxis axis() {
        return new SweptKeyAxis(AcditLabel.BLOCK_SIZE, "AR length", ArLength::of);
    }

    /** The AR length of an ACDiT configuration, or empty for another plugin's or a block that does not tile it. */
    static OptionalDouble of(ExperimentSpec spec) {
        if (!(spec.model().config() instanceof AcditSpec model)) {
            return OptionalDouble.empty();
        }
        int tokens = tokens(model, spec.data());
        return model.blockSize() > 0 && tokens % model.blockSize() == 0 ? OptionalDouble.of(tokens / model.blockSize())
                : OptionalDouble.empty();
    }

    /** Tokens per example: frames × (size / patch)². */
    static int tokens(AcditSpec model, DataSpec data) {
        return Math.max(1, data.frames()) * AcditLabel.tokensPerFrame(model, data);
    }
}
