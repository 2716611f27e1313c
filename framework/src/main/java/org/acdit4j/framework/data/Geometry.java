package org.acdit4j.framework.data;

/**
 * Shape of one example of a dataset: {@code frames} images of {@code channels × height × width}
 * (frames = 1 for still images) and the number of class labels.
 */
public record Geometry(int channels, int height, int width, int frames, int classes) {

    public Geometry {
        if (channels < 1 || height < 1 || width < 1 || frames < 1 || classes < 1) {
            throw new IllegalArgumentException("geometry needs positive sizes, got " + this);
        }
    }

    public static Geometry image(int channels, int height, int width, int classes) {
        return new Geometry(channels, height, width, 1, classes);
    }

    /** Number of floats in one example: frames · channels · height · width. */
    public int valuesPerExample() {
        return frames * channels * height * width;
    }

    @Override
    public String toString() {
        String frame = channels + "x" + height + "x" + width;
        return (frames == 1 ? frame : frames + "x" + frame) + ", " + classes + " classes";
    }
}
