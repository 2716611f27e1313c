package org.acdit4j.framework.data;

/**
 * The top-left corner of a digit moving with a constant integer velocity inside a frame, reflected off
 * the borders like a billiard ball: along each axis the corner stays within {@code [0, range]}, where
 * {@code range} = frame side − digit side, so the whole digit is always visible.
 *
 * @param x     start column of the corner, in [0, range]
 * @param y     start row of the corner, in [0, range]
 * @param dx    columns moved per frame before any reflection, non-zero, |dx| ≤ range
 * @param dy    rows moved per frame before any reflection, non-zero, |dy| ≤ range
 * @param range largest corner coordinate, ≥ 1
 */
record BouncingPath(int x, int y, int dx, int dy, int range) {

    BouncingPath {
        if (range < 1 || x < 0 || x > range || y < 0 || y > range || dx == 0 || dy == 0
                || Math.abs(dx) > range || Math.abs(dy) > range) {
            throw new IllegalArgumentException("not a bouncing path inside [0, " + range + "]: " + this);
        }
    }

    /** Column of the corner in frame {@code t} (frame 0 is the start). */
    int column(int t) {
        return reflected(x + dx * t, range);
    }

    /** Row of the corner in frame {@code t} (frame 0 is the start). */
    int row(int t) {
        return reflected(y + dy * t, range);
    }

    /**
     * Where an unobstructed coordinate lands once every crossing of 0 or {@code range} is mirrored back:
     * motion between two walls repeats every {@code 2·range} and runs backwards in the second half.
     */
    static int reflected(int unobstructed, int range) {
        int phase = Math.floorMod(unobstructed, 2 * range);
        return phase <= range ? phase : 2 * range - phase;
    }
}
