package org.acdit4j.framework.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.acdit4j.framework.data.source.RawImages;

/**
 * Moving-MNIST clips drawn from a pool of digit images, in two steps: {@link #plan} draws, from one seed,
 * which digits each clip shows and how they move; {@link #render} paints them. A clip's first digit walks
 * through seeded permutations of the pool (every digit once before any repeats) and gives the clip its label;
 * a second digit is drawn uniformly. Each digit starts at a uniform position with a velocity of 1 to
 * {@code side / 16} pixels per frame along each axis (random signs) and bounces off the borders
 * ({@link BouncingPath}); overlapping digits combine by pixel-wise maximum.
 */
final class MovingMnistClips {

    private MovingMnistClips() {
    }

    /** The digits of {@code clips} clips, {@code digitsPerClip} each, for a pool of {@code poolSize} digits. */
    static List<List<MovingDigit>> plan(int poolSize, int frameSide, int digitSide, int digitsPerClip, int clips,
                                        long seed) {
        int range = frameSide - digitSide;
        int maxStep = Math.max(1, frameSide / 16);
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[poolSize];
        List<List<MovingDigit>> plans = new ArrayList<>(clips);
        for (int clip = 0; clip < clips; clip++) {
            if (clip % poolSize == 0) {
                Permutations.shuffleIdentity(order, random);
            }
            List<MovingDigit> digits = new ArrayList<>(digitsPerClip);
            for (int d = 0; d < digitsPerClip; d++) {
                int index = d == 0 ? order[clip % poolSize] : random.nextInt(poolSize);
                BouncingPath path = new BouncingPath(random.nextInt(range + 1), random.nextInt(range + 1),
                        step(random, maxStep), step(random, maxStep), range);
                digits.add(new MovingDigit(index, path));
            }
            plans.add(digits);
        }
        return plans;
    }

    /**
     * Paints the planned clips of {@code geometry} (one channel, square frames) from the pool {@code digits}.
     * Returns every frame as one image carrying its clip's label, clip after clip: the byte layout of
     * (N, T, 1, H, W) clips.
     */
    static RawImages render(RawImages digits, Geometry geometry, List<List<MovingDigit>> plans) {
        int side = geometry.height();
        int frames = geometry.frames();
        byte[] pixels = new byte[Math.multiplyExact(plans.size(), geometry.valuesPerExample())];  // (N, T, 1, H, W)
        int[] frameLabels = new int[plans.size() * frames];
        for (int clip = 0; clip < plans.size(); clip++) {
            List<MovingDigit> plan = plans.get(clip);
            for (int t = 0; t < frames; t++) {
                int frame = clip * frames + t;
                frameLabels[frame] = digits.labels()[plan.get(0).index()];
                for (MovingDigit digit : plan) {
                    int corner = frame * side * side + digit.path().row(t) * side + digit.path().column(t);
                    paintMax(digits, digit.index(), pixels, corner, side);
                }
            }
        }
        return new RawImages(side, pixels, frameLabels);
    }

    /** Writes digit {@code index} into the frame at {@code corner}, keeping the brighter value per pixel. */
    private static void paintMax(RawImages digits, int index, byte[] pixels, int corner, int frameSide) {
        int digitSide = digits.side();
        int from = index * digitSide * digitSide;
        for (int y = 0; y < digitSide; y++) {
            for (int x = 0; x < digitSide; x++) {
                int value = digits.pixels()[from + y * digitSide + x] & 0xff;
                int at = corner + y * frameSide + x;
                if (value > (pixels[at] & 0xff)) {
                    pixels[at] = (byte) value;
                }
            }
        }
    }

    /** A non-zero velocity component: 1 to {@code maxStep} pixels per frame, either direction. */
    private static int step(SplittableRandom random, int maxStep) {
        int magnitude = 1 + random.nextInt(maxStep);
        return random.nextBoolean() ? magnitude : -magnitude;
    }

}
