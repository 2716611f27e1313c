package org.acdit4j.framework.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.acdit4j.framework.data.source.RawImages;
import org.junit.jupiter.api.Test;

class MovingMnistClipsTest {

    private static final int FRAME_SIDE = 16;
    private static final int DIGIT_SIDE = 7;
    private static final int FRAMES = 5;

    /** 30 random 7×7 "digits" with labels 0..9, so every pixel of a clip can be traced to its digit. */
    private final RawImages pool = randomPool(30, 5);

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOne() {
        List<List<MovingDigit>> plan = MovingMnistClips.plan(30, FRAME_SIDE, DIGIT_SIDE, 2, 100, 7);

        assertThat(MovingMnistClips.plan(30, FRAME_SIDE, DIGIT_SIDE, 2, 100, 7)).isEqualTo(plan);
        assertThat(MovingMnistClips.plan(30, FRAME_SIDE, DIGIT_SIDE, 2, 100, 8)).isNotEqualTo(plan);
    }

    @Test
    void firstDigitsUseEveryPoolDigitOnceBeforeAnyRepeats() {
        List<List<MovingDigit>> plan = MovingMnistClips.plan(30, FRAME_SIDE, DIGIT_SIDE, 1, 75, 1);

        for (int epoch = 0; epoch < 2; epoch++) {
            int from = epoch * 30;
            assertThat(IntStream.range(from, from + 30).map(clip -> plan.get(clip).get(0).index()))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).boxed().toList());
        }
    }

    @Test
    void velocitiesAreNonZeroAndAtMostASixteenthOfTheFramePerFrame() {
        for (List<MovingDigit> clip : MovingMnistClips.plan(30, 64, 28, 2, 500, 3)) {
            for (MovingDigit digit : clip) {
                assertThat(Math.abs(digit.path().dx())).isBetween(1, 4);
                assertThat(Math.abs(digit.path().dy())).isBetween(1, 4);
                assertThat(digit.path().range()).isEqualTo(64 - 28);
            }
        }
    }

    @Test
    void twoDigitsCombineByPixelwiseMaxFrameAfterFrameAndTheFirstGivesTheLabel() {
        List<List<MovingDigit>> plan = MovingMnistClips.plan(30, FRAME_SIDE, DIGIT_SIDE, 2, 20, 11);
        Geometry geometry = new Geometry(1, FRAME_SIDE, FRAME_SIDE, FRAMES, 10);

        RawImages frames = MovingMnistClips.render(pool, geometry, plan);

        assertThat(frames.count()).isEqualTo(20 * FRAMES);
        for (int clip = 0; clip < 20; clip++) {
            for (int t = 0; t < FRAMES; t++) {
                int frame = clip * FRAMES + t;
                assertThat(frames.labels()[frame]).isEqualTo(pool.labels()[plan.get(clip).get(0).index()]);
                for (int y = 0; y < FRAME_SIDE; y++) {
                    for (int x = 0; x < FRAME_SIDE; x++) {
                        int expected = 0;
                        for (MovingDigit digit : plan.get(clip)) {
                            expected = Math.max(expected, pixelOf(digit, t, x, y));
                        }
                        int actual = frames.pixels()[(frame * FRAME_SIDE + y) * FRAME_SIDE + x] & 0xff;
                        assertThat(actual).as("clip %d frame %d (%d, %d)", clip, t, x, y).isEqualTo(expected);
                    }
                }
            }
        }
    }

    /** The value {@code digit} contributes at frame pixel (x, y) in frame {@code t}, 0 where it does not cover. */
    private int pixelOf(MovingDigit digit, int t, int x, int y) {
        int u = x - digit.path().column(t);
        int v = y - digit.path().row(t);
        if (u < 0 || v < 0 || u >= DIGIT_SIDE || v >= DIGIT_SIDE) {
            return 0;
        }
        return pool.pixels()[(digit.index() * DIGIT_SIDE + v) * DIGIT_SIDE + u] & 0xff;
    }

    private static RawImages randomPool(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * DIGIT_SIDE * DIGIT_SIDE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        return new RawImages(DIGIT_SIDE, pixels, IntStream.range(0, count).map(i -> i % 10).toArray());
    }
}
