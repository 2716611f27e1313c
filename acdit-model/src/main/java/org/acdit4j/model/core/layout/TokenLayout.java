package org.acdit4j.model.core.layout;

import java.util.ArrayList;
import java.util.List;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.spec.EnumTexts;

/**
 * How images become a token sequence: p×p patches of every channel are tokens of size C·p·p; tokens are
 * grouped into blocks of {@code blockSize} tokens, and the sequence lists blocks in generation order with
 * the tokens of a block contiguous.
 *
 * <p>Block shapes ({@link BlockShape}): {@code square} = s×s token groups, blocks in raster order, raster inside a
 * block; {@code rows} = whole token rows. Blocks of one or more whole frames are valid under both shapes.
 * Positions for RoPE are per axis: (row, column) for images, (frame, row, column) for video.
 */
public final class TokenLayout {

    private final int channels;
    private final int frames;
    private final int height;
    private final int width;
    private final int patch;
    private final int gridH;
    private final int gridW;
    private final int blockSize;
    private final BlockShape shape;
    private final int[] rasterOfSequence;
    private final int[][] positions;

    private TokenLayout(Geometry g, int patch, int blockSize, BlockShape shape) {
        this.channels = g.channels();
        this.frames = g.frames();
        this.height = g.height();
        this.width = g.width();
        this.patch = patch;
        this.gridH = g.height() / patch;
        this.gridW = g.width() / patch;
        this.blockSize = blockSize;
        this.shape = shape;
        this.rasterOfSequence = sequenceOrder();
        this.positions = axisPositions();
    }

    /** Validates patch and block settings against the geometry. */
    public static TokenLayout of(Geometry g, int patch, int blockSize, BlockShape shape) {
        if (patch < 1 || g.height() % patch != 0 || g.width() % patch != 0) {
            throw new IllegalArgumentException("model.patch=" + patch + " must divide the image size " + g.height()
                    + "x" + g.width() + "; allowed: " + commonDivisors(g.height(), g.width()));
        }
        if (shape == null) {
            throw new IllegalArgumentException("model.blockShape must be one of "
                    + EnumTexts.allowed(BlockShape.class));
        }
        List<Integer> valid = validBlockSizes(g, patch, shape);
        if (!valid.contains(blockSize)) {
            throw new IllegalArgumentException("model.blockSize=" + blockSize + " does not tile the "
                    + g.frames() + "x" + g.height() / patch + "x" + g.width() / patch + " token grid with "
                    + shape + " blocks; allowed: " + valid);
        }
        return new TokenLayout(g, patch, blockSize, shape);
    }

    /** Every block size (in tokens) that tiles the token grid of {@code g} with {@code shape} blocks. */
    public static List<Integer> validBlockSizes(Geometry g, int patch, BlockShape shape) {
        int gh = g.height() / patch;
        int gw = g.width() / patch;
        int perFrame = gh * gw;
        List<Integer> valid = new ArrayList<>();
        for (int b = 1; b <= perFrame * g.frames(); b++) {
            if (b >= perFrame) {
                if (b % perFrame == 0 && g.frames() % (b / perFrame) == 0) {
                    valid.add(b);
                }
            } else if (shape == BlockShape.ROWS) {
                if (b % gw == 0 && gh % (b / gw) == 0) {
                    valid.add(b);
                }
            } else {
                int s = (int) Math.round(Math.sqrt(b));
                if (s * s == b && gh % s == 0 && gw % s == 0) {
                    valid.add(b);
                }
            }
        }
        return valid;
    }

    /** Frames per example (1 for images). */
    public int frames() {
        return frames;
    }

    /** Tokens of one frame. */
    public int tokensPerFrame() {
        return gridH * gridW;
    }

    /** The same frame size, patch and blocks for {@code moreFrames} frames (a long video rollout). */
    public TokenLayout withFrames(int moreFrames) {
        return of(new Geometry(channels, height, width, moreFrames, 1), patch, blockSize, shape);
    }

    /** Tokens per image (all frames): L. */
    public int tokens() {
        return frames * gridH * gridW;
    }

    /** Tokens per block: B. */
    public int blockSize() {
        return blockSize;
    }

    /** Number of blocks, the AR length: N = L / B. */
    public int blocks() {
        return tokens() / blockSize;
    }

    /** Values per token: C·p·p. */
    public int tokenSize() {
        return channels * patch * patch;
    }

    /** Number of position axes: 2 for images, 3 for video. */
    public int axes() {
        return frames > 1 ? 3 : 2;
    }

    public BlockShape shape() {
        return shape;
    }

    /** Position of sequence token {@code s} along {@code axis} (axes ordered frame?, row, column). */
    public int position(int axis, int s) {
        return positions[axis][s];
    }

    /** Raster index (frame-major, then row, then column) of sequence token {@code s}. */
    public int rasterIndex(int s) {
        return rasterOfSequence[s];
    }

    /** Pixels (n, T, C, H, W) to tokens (n, L, C·p·p) in sequence order; token values ordered (c, py, px). */
    public float[] patchify(float[] pixels, int n) {
        int l = tokens();
        int ts = tokenSize();
        float[] out = new float[n * l * ts];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < l; s++) {
                copyToken(pixels, out, i, s, (i * l + s) * ts, true);
            }
        }
        return out;
    }

    /** Inverse of {@link #patchify}. */
    public float[] unpatchify(float[] tokens, int n) {
        int l = tokens();
        int ts = tokenSize();
        float[] out = new float[n * frames * channels * height * width];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < l; s++) {
                copyToken(out, tokens, i, s, (i * l + s) * ts, false);
            }
        }
        return out;
    }

    private void copyToken(float[] pixels, float[] tokens, int image, int s, int tokenOffset, boolean toTokens) {
        int raster = rasterOfSequence[s];
        int perFrame = gridH * gridW;
        int t = raster / perFrame;
        int y = (raster % perFrame) / gridW;
        int x = raster % gridW;
        int k = tokenOffset;
        for (int c = 0; c < channels; c++) {
            int plane = ((image * frames + t) * channels + c) * height * width;
            for (int py = 0; py < patch; py++) {
                int row = plane + (y * patch + py) * width + x * patch;
                for (int px = 0; px < patch; px++, k++) {
                    if (toTokens) {
                        tokens[k] = pixels[row + px];
                    } else {
                        pixels[row + px] = tokens[k];
                    }
                }
            }
        }
    }

    private int[] sequenceOrder() {
        int perFrame = gridH * gridW;
        int[] order = new int[tokens()];
        int s = 0;
        if (blockSize >= perFrame || shape == BlockShape.ROWS) {
            for (int r = 0; r < order.length; r++) {
                order[s++] = r;
            }
            return order;
        }
        int side = (int) Math.round(Math.sqrt(blockSize));
        for (int t = 0; t < frames; t++) {
            for (int by = 0; by < gridH / side; by++) {
                for (int bx = 0; bx < gridW / side; bx++) {
                    for (int y = by * side; y < (by + 1) * side; y++) {
                        for (int x = bx * side; x < (bx + 1) * side; x++) {
                            order[s++] = t * perFrame + y * gridW + x;
                        }
                    }
                }
            }
        }
        return order;
    }

    private int[][] axisPositions() {
        int perFrame = gridH * gridW;
        int[][] pos = new int[axes()][tokens()];
        for (int s = 0; s < tokens(); s++) {
            int r = rasterOfSequence[s];
            int a = 0;
            if (axes() == 3) {
                pos[a++][s] = r / perFrame;
            }
            pos[a++][s] = (r % perFrame) / gridW;
            pos[a][s] = r % gridW;
        }
        return pos;
    }

    private static List<Integer> commonDivisors(int a, int b) {
        List<Integer> out = new ArrayList<>();
        for (int d = 1; d <= Math.min(a, b); d++) {
            if (a % d == 0 && b % d == 0) {
                out.add(d);
            }
        }
        return out;
    }

    /** Largest extent of {@code axis}, used to pick the RoPE base. */
    public int axisLength(int axis) {
        int first = axes() == 3 ? 1 : 0;
        if (axis < first) {
            return frames;
        }
        return axis == first ? gridH : gridW;
    }
}
