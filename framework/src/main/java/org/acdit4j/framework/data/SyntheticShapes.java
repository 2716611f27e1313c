package org.acdit4j.framework.data;

import java.util.SplittableRandom;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;

/**
 * A small procedural dataset for fast tests: ten classes of white shapes on black (filled square,
 * hollow square, disc, ring, horizontal bar, vertical bar, two diagonals, plus sign, triangle) with a
 * seeded random size and position. Needs no download; the same seed gives the same images.
 */
public final class SyntheticShapes implements DatasetFactory {

    public static final String NAME = "synthetic-shapes";
    public static final int CLASSES = 10;
    static final int TRAIN_COUNT = 2000;
    static final int TEST_COUNT = 500;

    @Override
    public Geometry geometry(DataSpec spec) {
        return Geometry.image(1, spec.size(), spec.size(), CLASSES);
    }

    /** Generated in memory: nothing can be missing. */
    @Override
    public void preflight(DataSpec spec, Problems problems) {
    }

    @Override
    public Dataset open(DataSpec spec) {
        if (spec.size() < 8) {
            throw new DatasetException("data.size must be >= 8 for " + NAME + ", got " + spec.size());
        }
        Geometry geometry = Geometry.image(1, spec.size(), spec.size(), CLASSES);
        return new InMemoryDataset(NAME, geometry, generate(geometry, TRAIN_COUNT, 1), generate(geometry, TEST_COUNT, 2));
    }

    /** {@code count} images with labels cycling 0..9, drawn from a generator seeded with {@code seed}. */
    public static ImageSet generate(Geometry geometry, int count, long seed) {
        int side = geometry.height();
        byte[] pixels = new byte[count * side * side];
        int[] labels = new int[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            labels[i] = i % CLASSES;
            int extent = side / 2 + random.nextInt(side / 4 + 1);
            int left = random.nextInt(side - extent + 1);
            int top = random.nextInt(side - extent + 1);
            for (int y = 0; y < extent; y++) {
                for (int x = 0; x < extent; x++) {
                    if (covers(labels[i], x, y, extent)) {
                        pixels[i * side * side + (top + y) * side + left + x] = (byte) 255;
                    }
                }
            }
        }
        return new ImageSet(geometry, pixels, labels);
    }

    /** Whether pixel (x, y) of an {@code extent}-wide box belongs to the shape of class {@code label}. */
    private static boolean covers(int label, int x, int y, int extent) {
        double u = (x + 0.5) / extent - 0.5;
        double v = (y + 0.5) / extent - 0.5;
        double radius = Math.hypot(u, v);
        double stroke = Math.max(1.5 / extent, 0.12);
        return switch (label) {
            case 0 -> true;
            case 1 -> Math.max(Math.abs(u), Math.abs(v)) > 0.5 - stroke;
            case 2 -> radius < 0.5;
            case 3 -> radius < 0.5 && radius > 0.5 - stroke;
            case 4 -> Math.abs(v) < stroke;
            case 5 -> Math.abs(u) < stroke;
            case 6 -> Math.abs(u - v) < stroke;
            case 7 -> Math.abs(u + v) < stroke;
            case 8 -> Math.abs(u) < stroke / 2 || Math.abs(v) < stroke / 2;
            default -> v > -0.5 + 2 * Math.abs(u) - stroke;
        };
    }
}
