package org.acdit4j.framework.data.source;

/**
 * Single-channel square images as the source ships them (28×28 bytes for the MNIST family), with
 * their labels, before any split or resizing.
 */
public record RawImages(int side, byte[] pixels, int[] labels) {

    public RawImages {
        if (pixels.length != (long) labels.length * side * side) {
            throw new IllegalArgumentException(labels.length + " images of " + side + "x" + side
                    + " need " + (long) labels.length * side * side + " bytes, got " + pixels.length);
        }
    }

    public int count() {
        return labels.length;
    }
}
