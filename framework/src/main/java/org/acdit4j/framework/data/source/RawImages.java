package org.acdit4j.framework.data.source;

/**
 * Square images as a source ships them or a reader decoded them (28×28 grey bytes for the MNIST family), held as
 * (N, C, side, side) bytes with their labels, before any split.
 */
public record RawImages(int channels, int side, byte[] pixels, int[] labels) {

    public RawImages {
        if (channels < 1 || pixels.length != (long) labels.length * channels * side * side) {
            throw new IllegalArgumentException(labels.length + " images of " + channels + "x" + side + "x" + side
                    + " need " + (long) labels.length * channels * side * side + " bytes, got " + pixels.length);
        }
    }

    /** Single-channel images. */
    public RawImages(int side, byte[] pixels, int[] labels) {
        this(1, side, pixels, labels);
    }

    public int count() {
        return labels.length;
    }
}
