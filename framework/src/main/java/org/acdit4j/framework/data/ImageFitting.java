package org.acdit4j.framework.data;

/**
 * Fits square grey images to another side: centre-padding with black when the target is larger (28 → 32
 * keeps every source pixel), area averaging when it is smaller (28 → 16), a copy when equal.
 */
public final class ImageFitting {

    private ImageFitting() {
    }

    /** Fits {@code count} images of {@code side²} bytes starting at image {@code indices[i]} of {@code source}. */
    public static byte[] fit(byte[] source, int side, int[] indices, int target) {
        byte[] out = new byte[indices.length * target * target];
        for (int i = 0; i < indices.length; i++) {
            int from = indices[i] * side * side;
            int to = i * target * target;
            if (target >= side) {
                pad(source, from, side, out, to, target);
            } else {
                areaAverage(source, from, side, out, to, target);
            }
        }
        return out;
    }

    private static void pad(byte[] source, int from, int side, byte[] out, int to, int target) {
        int offset = (target - side) / 2;
        for (int y = 0; y < side; y++) {
            System.arraycopy(source, from + y * side, out, to + (y + offset) * target + offset, side);
        }
    }

    /** Each target pixel is the mean of the source area it covers, partial pixels weighted by overlap. */
    private static void areaAverage(byte[] source, int from, int side, byte[] out, int to, int target) {
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
                        sum += wy * wx * (source[from + sy * side + sx] & 0xff);
                    }
                }
                out[to + ty * target + tx] = (byte) Math.round(sum / (scale * scale));
            }
        }
    }
}
