package org.acdit4j.framework.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acdit4j.framework.data.Geometry;

/**
 * The sample grid a run draws at its end ({@code samples/final.png}): {@link #EXAMPLES} examples, example i of class
 * i mod classes, drawn by {@link ImageGrid} at {@link #SCALE} with one column per class (clips: a film strip, one clip
 * per row, one frame per column); and the same grid read back into its examples, so that a report can draw them again
 * with labels, also from archived runs.
 */
public final class RunSampleGrid {

    /** Examples in a run's grid. */
    public static final int EXAMPLES = 20;
    /** Pixels per image pixel in a run's grid. */
    public static final int SCALE = 2;

    /** One example read back: its class and its frames (one for an image) at native size. */
    record Example(int label, List<BufferedImage> frames) {
    }

    private RunSampleGrid() {
    }

    /** The class of each example of a run's grid: 0, 1, …, classes − 1, 0, 1, … */
    public static int[] labels(int classes) {
        int[] labels = new int[EXAMPLES];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }

    /**
     * The examples of {@code grid}, a run's grid of examples of {@code geometry}, at their native size; empty when
     * the grid's size does not fit that layout (a grid drawn otherwise, or for other data).
     */
    static Optional<List<Example>> read(BufferedImage grid, Geometry geometry) {
        boolean clips = geometry.frames() > 1;
        int columns = clips ? geometry.frames() : geometry.classes();
        int inner = grid.getWidth() - ImageGrid.GAP;
        if (inner <= 0 || inner % columns != 0 || (inner / columns - ImageGrid.GAP) % geometry.width() != 0) {
            return Optional.empty();
        }
        int scale = (inner / columns - ImageGrid.GAP) / geometry.width();
        int pitchY = geometry.height() * scale + ImageGrid.GAP;
        if (scale < 1 || (grid.getHeight() - ImageGrid.GAP) % pitchY != 0) {
            return Optional.empty();
        }
        int rows = (grid.getHeight() - ImageGrid.GAP) / pitchY;
        int pitchX = inner / columns;
        List<Example> examples = new ArrayList<>();
        int count = clips ? rows : Math.min(EXAMPLES, rows * columns);
        for (int i = 0; i < count; i++) {
            List<BufferedImage> frames = new ArrayList<>();
            for (int t = 0; t < geometry.frames(); t++) {
                int column = clips ? t : i % columns;
                int row = clips ? i : i / columns;
                frames.add(cell(grid, ImageGrid.GAP + column * pitchX, ImageGrid.GAP + row * pitchY, scale, geometry));
            }
            examples.add(new Example(i % geometry.classes(), frames));
        }
        return Optional.of(examples);
    }

    /** The image drawn at ({@code left}, {@code top}) at {@code scale}, at native size. */
    private static BufferedImage cell(BufferedImage grid, int left, int top, int scale, Geometry geometry) {
        BufferedImage image = new BufferedImage(geometry.width(), geometry.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < geometry.height(); y++) {
            for (int x = 0; x < geometry.width(); x++) {
                image.setRGB(x, y, grid.getRGB(left + x * scale, top + y * scale));
            }
        }
        return image;
    }
}
