package org.acdit4j.framework.data.source;

/**
 * Resizes a square of pixel values by area averaging: each target pixel is the mean of the source area it covers,
 * partial pixels weighted by their overlap (a box filter, which also upscales).
 */
public final class AreaAverage {

    /** A square of source values: the value at row {@code y}, column {@code x}, 0–255. */
    @FunctionalInterface
    public interface Square {
        double at(int y, int x);
    }

    private AreaAverage() {
    }

    /**
     * Writes {@code source}, {@code side}×{@code side}, resized to {@code target}×{@code target} into {@code out},
     * row-major from index {@code to}, each value rounded to a byte.
     */
    public static void resize(Square source, int side, byte[] out, int to, int target) {
        double scale = (double) side / target;
        for (int ty = 0; ty < target; ty++) {
            double y0 = ty * scale;
            double y1 = y0 + scale;
            for (int tx = 0; tx < target; tx++) {
                double x0 = tx * scale;
                double x1 = x0 + scale;
                double sum = 0;
                for (int sy = (int) y0; sy < Math.min(side, Math.ceil(y1)); sy++) {
                    double wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
                    for (int sx = (int) x0; sx < Math.min(side, Math.ceil(x1)); sx++) {
                        double wx = Math.min(x1, sx + 1) - Math.max(x0, sx);
                        sum += wy * wx * source.at(sy, sx);
                    }
                }
                out[to + ty * target + tx] = (byte) Math.round(sum / (scale * scale));
            }
        }
    }
}
