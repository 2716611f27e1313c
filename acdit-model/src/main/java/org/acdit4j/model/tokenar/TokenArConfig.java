package org.acdit4j.model.tokenar;

import java.util.Locale;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.graph.TransformerConfig;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.core.layout.TokenLayout;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The validated configuration of one token-AR model. Its input vocabulary holds the K codes, then one class token
 * per class, then the null class token of classifier-free guidance: row {@code K + c} is class c's token.
 *
 * @param spec     the model section
 * @param train    the training section
 * @param geometry dataset geometry
 * @param layout   one token per p×p patch, raster order (the tokenizer's)
 * @param dataType FLOAT for training and sampling, DOUBLE for precise equivalence checks
 */
public record TokenArConfig(TokenArSpec spec, TrainSpec train, Geometry geometry, TokenLayout layout,
                            DataType dataType) implements TransformerConfig {

    public static TokenArConfig of(TokenArSpec spec, TrainSpec train, Geometry geometry, DataType dataType) {
        if (geometry.frames() != 1) {
            throw new IllegalArgumentException("the token-ar model generates still images only, got " + geometry);
        }
        if (spec.width() < 1 || spec.heads() < 1 || spec.width() % spec.heads() != 0 || spec.headDim() % 4 != 0) {
            throw new IllegalArgumentException("model.heads=" + spec.heads() + " must divide model.width="
                    + spec.width() + " into head dims divisible by 4 (two RoPE axes)");
        }
        return new TokenArConfig(spec, train, geometry, TokenLayout.of(geometry, spec.patch(), 1, BlockShape.SQUARE),
                dataType);
    }

    /** Codebook size K: the output classes of every position. */
    public int codes() {
        return spec.codes();
    }

    /** Codes per image: L, the sequence length. */
    public int length() {
        return layout.tokens();
    }

    /** Input rows of the embedding table: K codes, C class tokens, one null token. */
    public int vocabulary() {
        return spec.codes() + geometry.classes() + 1;
    }

    /** The input row of class {@code label}'s token; {@code label = classes()} is the null (unconditional) token. */
    public int classToken(int label) {
        return spec.codes() + label;
    }

    /** A one-line description stored in checkpoints: restoring requires an equal line. */
    public String fingerprint() {
        return String.format(Locale.ROOT, "token-ar %s | %s | %s", spec, geometry, dataType);
    }
}
