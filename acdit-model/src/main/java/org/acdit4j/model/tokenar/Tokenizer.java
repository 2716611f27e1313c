package org.acdit4j.model.tokenar;

import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.core.layout.TokenLayout;

/**
 * Images to discrete codes and back: each p×p patch of every channel (a token of C·p·p values, raster order) is
 * replaced by its nearest code of a {@link Codebook}. Decoding puts each code's vector back in its patch, so
 * encode→decode loses exactly the codebook's distortion, which bounds the per-image error of any model on these
 * codes.
 */
public final class Tokenizer {

    private final TokenLayout layout;
    private final Codebook codebook;
    private final Geometry geometry;

    public Tokenizer(Geometry geometry, int patch, Codebook codebook) {
        this.layout = TokenLayout.of(geometry, patch, 1, BlockShape.SQUARE);
        if (codebook.dimension() != layout.tokenSize()) {
            throw new IllegalArgumentException("a codebook of " + codebook.dimension() + "-value codes does not fit "
                    + "patches of " + layout.tokenSize() + " values (channels × patch²)");
        }
        this.geometry = geometry;
        this.codebook = codebook;
    }

    /** Patches and positions (raster order, one token per patch). */
    public TokenLayout layout() {
        return layout;
    }

    public Codebook codebook() {
        return codebook;
    }

    /** Codes per image: L. */
    public int length() {
        return layout.tokens();
    }

    /** Codes of every patch of {@code images}: (n, L) flat. */
    public int[] encode(ImageBatch images) {
        return codebook.encode(layout.patchify(images.pixels(), images.size()));
    }

    /** Pixels of {@code n} images of codes (n, L) flat: (n, C, H, W) flat. */
    public float[] decode(int[] codes, int n) {
        return layout.unpatchify(codebook.decode(codes), n);
    }

    /** encode→decode of {@code images}. */
    public ImageBatch reconstruct(ImageBatch images) {
        return new ImageBatch(geometry, decode(encode(images), images.size()), images.labels());
    }

    /** Mean squared pixel error of encode→decode over {@code images} (pixels in [-1, 1]). */
    public double meanSquaredError(ImageBatch images) {
        float[] patches = layout.patchify(images.pixels(), images.size());
        double sum = 0;
        for (int offset = 0; offset < patches.length; offset += codebook.dimension()) {
            sum += codebook.distortion(patches, offset);
        }
        return sum / patches.length;
    }
}
