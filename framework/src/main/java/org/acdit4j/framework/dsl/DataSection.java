package org.acdit4j.framework.dsl;

import java.util.List;
import org.acdit4j.framework.spec.DataSpec;

/**
 * {@code data}: which dataset, at which image size, from which source, with how many channels (image folders), and
 * for clips how many frames and digits.
 */
public final class DataSection extends Section {

    /** The built-in clip dataset; datasets registered by plugins are checked by their factory when opened. */
    static final String MOVING_MNIST = "moving-mnist";
    /** The built-in dataset of the user's own images: {@code data.source} names the folder. */
    static final String IMAGE_FOLDER = "image-folder";
    static final List<String> STILL_IMAGE_DATASETS = List.of("fashion-mnist", "mnist", "synthetic-shapes", IMAGE_FOLDER);
    /** Moving-MNIST digits are 7/16 of the frame side by default, so smaller frames would shrink them below 7 pixels. */
    static final int MOVING_MNIST_MIN_SIZE = 16;
    /** The smallest digit side {@code data.digitSize} accepts: below it MNIST digits stop being legible. */
    static final int MIN_DIGIT_SIZE = 7;

    String name = "fashion-mnist";
    int size = 32;
    String source = "";
    int frames = 1;
    int digits = 1;
    int digitSize = 0;
    int channels = 0;

    public DataSection name(String name) {
        this.name = name;
        return this;
    }

    public DataSection size(int side) {
        this.size = side;
        return this;
    }

    /** The folder to read: the IDX files for the MNIST family, one subfolder of images per class for {@code image-folder}. */
    public DataSection source(String folder) {
        this.source = folder;
        return this;
    }

    /** {@code image-folder} only: 1 (grey) or 3 (RGB) channels; 0 (the default) takes the channel count of the files. */
    public DataSection channels(int count) {
        this.channels = count;
        return this;
    }

    /** Frames per example: 1 for still images (the default), at least 2 for {@code moving-mnist}. */
    public DataSection frames(int count) {
        this.frames = count;
        return this;
    }

    /** Digits moving in each {@code moving-mnist} clip: 1 (the default) or 2. */
    public DataSection digits(int count) {
        this.digits = count;
        return this;
    }

    /**
     * Side in pixels of the {@code moving-mnist} digits, from 7 up to the frame side; 0 (the default) keeps the
     * original Moving MNIST's 7/16 of the frame side (at most the native 28).
     */
    public DataSection digitSize(int side) {
        this.digitSize = side;
        return this;
    }

    @Override
    protected String key() {
        return "data";
    }

    @Override
    protected void validate(Problems problems) {
        boolean movingMnist = MOVING_MNIST.equals(name);
        problems.require(name != null && !name.isBlank(), "data.name", "must name a dataset");
        int minSize = movingMnist ? MOVING_MNIST_MIN_SIZE : 8;
        problems.require(size >= minSize && size <= 256, "data.size", "must be between " + minSize + " and 256"
                + (movingMnist ? " for " + MOVING_MNIST : "") + ", got " + size);
        problems.require(digits == 1 || digits == 2, "data.digits", "must be 1 or 2, got " + digits);
        if (frames < 1) {
            problems.add("data.frames", "must be >= 1, got " + frames);
        } else if (movingMnist) {
            problems.require(frames >= 2, "data.frames",
                    "must be >= 2 for " + MOVING_MNIST + " (e.g. data.frames=8), got " + frames);
        } else if (STILL_IMAGE_DATASETS.contains(name)) {
            problems.require(frames == 1, "data.frames", "must be 1 for the still-image dataset " + name
                    + " (clips: " + MOVING_MNIST + "), got " + frames);
        }
        problems.require(digits != 2 || !STILL_IMAGE_DATASETS.contains(name), "data.digits",
                "must be 1 for the still-image dataset " + name + " (only " + MOVING_MNIST + " moves digits), got 2");
        problems.require(digitSize == 0 || (digitSize >= MIN_DIGIT_SIZE && digitSize <= size), "data.digitSize",
                "must be 0 (7/16 of data.size) or between " + MIN_DIGIT_SIZE + " and data.size (" + size + "), got "
                        + digitSize);
        problems.require(digitSize == 0 || !STILL_IMAGE_DATASETS.contains(name), "data.digitSize",
                "must be 0 for the still-image dataset " + name + " (only " + MOVING_MNIST + " moves digits), got "
                        + digitSize);
        boolean imageFolder = IMAGE_FOLDER.equals(name);
        problems.require(!imageFolder || !source.isBlank(), "data.source",
                "must name the folder of images (one subfolder per class) for " + IMAGE_FOLDER);
        if (imageFolder) {
            problems.require(channels == 0 || channels == 1 || channels == 3, "data.channels",
                    "must be 0 (as the files), 1 (grey) or 3 (RGB), got " + channels);
        } else {
            problems.require(channels == 0, "data.channels", "must be 0 for " + name + " (only " + IMAGE_FOLDER
                    + " converts channels), got " + channels);
        }
    }

    DataSpec freeze() {
        return new DataSpec(name, size, source, frames, digits, digitSize, channels);
    }
}
