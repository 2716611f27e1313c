package org.acdit4j.framework.data;

import org.acdit4j.framework.data.source.AreaAverage;

/**
 * Fits square grey images to another side: centre-padding with black when the target is larger (28 → 32
 * keeps every source pixel), area averaging ({@link AreaAverage}) when it is smaller (28 → 16), a copy when equal.
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
                AreaAverage.resize((y, x) -> source[from + y * side + x] & 0xff, side, out, to, target);
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
}
