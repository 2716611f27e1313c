package org.acdit4j.model.core.graph;

import org.acdit4j.model.core.layout.TokenLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rotary position embedding over several axes (paper Eq. 4): the head dim is split into one segment per
 * axis and each segment gets a standard rotary rotation by that axis' position. {@link RopeMode#ONE_D} uses a single
 * segment rotated by the token's index in the generation order; {@link RopeMode#NONE} disables RoPE.
 *
 * <p>Inside a segment of size m the pairs are (j, j + m/2) ("rotate half"). The rotation is applied as
 * {@code x·cos + (x·R)·sin}, where R is a fixed signed permutation, so the graph needs one small matmul.
 * The base of each axis follows the ACDiT heuristic: the lowest frequency turns about 8·length/π times less
 * than the highest, rounded up to a multiple of 100.
 */
public final class RopeNd {

    private final RopeMode mode;
    private final int headDim;
    /** The trained layout: it fixes each axis' base. */
    private final TokenLayout layout;
    /** Where sequence tokens sit: the trained layout, or a longer video of the same frames for long rollouts. */
    private final TokenLayout positions;

    public RopeNd(RopeMode mode, int headDim, TokenLayout layout) {
        this(mode, headDim, layout, layout);
    }

    private RopeNd(RopeMode mode, int headDim, TokenLayout layout, TokenLayout positions) {
        this.mode = mode;
        this.headDim = headDim;
        this.layout = layout;
        this.positions = positions;
    }

    /**
     * The same rotation (same bases) with token positions taken from {@code longer}, a layout of the same frame
     * size and blocks but more frames: sequence token s of a long rollout sits where {@code longer} puts it.
     */
    public RopeNd withPositionsOf(TokenLayout longer) {
        return new RopeNd(mode, headDim, layout, longer);
    }

    public boolean enabled() {
        return mode != RopeMode.NONE;
    }

    private int segments() {
        return mode == RopeMode.MULTI_AXIS ? layout.axes() : 1;
    }

    /** cos of the rotation angles for sequence tokens {@code from..to-1}: (to-from, headDim). */
    public double[][] cos(int from, int to) {
        return table(from, to, true);
    }

    /** sin of the rotation angles for sequence tokens {@code from..to-1}: (to-from, headDim). */
    public double[][] sin(int from, int to) {
        return table(from, to, false);
    }

    /**
     * cos or sin of sequence tokens {@code from..to-1} shaped for broadcasting over sequences and heads, zeros when
     * RoPE is disabled: (to-from, 1, hd).
     */
    public INDArray table(boolean cos, int from, int to, DataType type) {
        double[][] t = enabled() ? table(from, to, cos) : new double[to - from][headDim];
        return Nd4j.create(t).castTo(type).reshape(to - from, 1, headDim);
    }

    /** The same table repeated for every sequence and head, as training graphs take it: (sequences, to-from, H, hd). */
    public INDArray tiledTable(boolean cos, int from, int to, int sequences, int heads, DataType type) {
        INDArray one = table(cos, from, to, type).reshape(1, to - from, 1, headDim);  // (1, L, 1, hd)
        return Nd4j.tile(one, sequences, 1, heads, 1);                                // (n, L, H, hd)
    }

    /** R with x·R = rotate-half inside every segment: (headDim, headDim). */
    public double[][] rotation() {
        double[][] r = new double[headDim][headDim];
        int m = headDim / segments();
        for (int seg = 0; seg < segments(); seg++) {
            int base = seg * m;
            for (int j = 0; j < m / 2; j++) {
                r[base + j + m / 2][base + j] = -1;
                r[base + j][base + j + m / 2] = 1;
            }
        }
        return r;
    }

    private double[][] table(int from, int to, boolean cos) {
        int m = headDim / segments();
        double[][] t = new double[to - from][headDim];
        for (int s = from; s < to; s++) {
            for (int seg = 0; seg < segments(); seg++) {
                double pos = segments() == 1 ? s : positions.position(seg, s);
                int length = segments() == 1 ? layout.tokens() : layout.axisLength(seg);
                double base = (Math.floor(8.0 * length / Math.PI / 100.0) + 1) * 100.0;
                for (int j = 0; j < m; j++) {
                    double angle = pos * Math.pow(base, -2.0 * (j % (m / 2)) / m);
                    t[s - from][seg * m + j] = cos ? Math.cos(angle) : Math.sin(angle);
                }
            }
        }
        return t;
    }
}
