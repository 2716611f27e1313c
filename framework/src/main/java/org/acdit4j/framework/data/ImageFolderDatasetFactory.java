package org.acdit4j.framework.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.acdit4j.framework.data.source.ImageFolderListing;
import org.acdit4j.framework.data.source.ImageFolderReader;
import org.acdit4j.framework.data.source.PixelCacheFile;
import org.acdit4j.framework.data.source.RawImages;
import org.acdit4j.framework.data.source.SplitRule;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's own images: {@code data.source} names a folder with one subfolder per class ({@link ImageFolderListing};
 * labels follow the sorted folder names), every PNG, JPEG or BMP file is centre-cropped and resized to
 * {@code data.size} with {@code data.channels} channels ({@link ImageFolderReader}), and a seeded 10% of every class
 * forms the test split. The decoded images are cached in the data directory under a name holding a fingerprint of
 * the folder's contents, so any change to the folder builds a new cache.
 */
public final class ImageFolderDatasetFactory implements DatasetFactory {

    public static final String NAME = "image-folder";
    /** Characters of the content fingerprint kept in identities and cache names. */
    private static final int FINGERPRINT_CHARS = 16;
    private static final SplitRule SPLIT = SplitRule.stratified(0.1, 20241213L);
    private static final String MISSING_SOURCE = "must name the folder of images (one subfolder per class) for " + NAME;
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDatasetFactory.class);

    private final DataDirectory directory;

    public ImageFolderDatasetFactory(DataDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String identity(DataSpec spec) {
        return namingTheSource(() -> folder(spec).identity());
    }

    @Override
    public Geometry geometry(DataSpec spec) {
        return namingTheSource(() -> {
            Folder folder = folder(spec);
            int channels = spec.channels() != ImageFolderReader.FROM_FILES ? spec.channels()
                    : images(spec, folder).channels();
            return Geometry.image(channels, spec.size(), spec.size(), folder.listing().classes().size());
        });
    }

    /** Lists, fingerprints and (unless cached) decodes the whole folder, so every unreadable file is found now. */
    @Override
    public void preflight(DataSpec spec, Problems problems) {
        if (spec.source().isBlank()) {
            problems.add("data.source", MISSING_SOURCE);
            return;
        }
        directory.requireWritable(problems);
        if (!problems.isEmpty()) {
            return;
        }
        try {
            images(spec, folder(spec));
        } catch (DatasetException e) {
            problems.add("data.source", e.getMessage());
        }
    }

    @Override
    public Dataset open(DataSpec spec) {
        return namingTheSource(() -> open(spec, folder(spec)));
    }

    /** The cache file of {@code spec}'s images: its name holds the folder's fingerprint, the channels and the size. */
    public Path pixelCache(DataSpec spec) {
        return namingTheSource(() -> pixelCache(spec, folder(spec)));
    }

    private Dataset open(DataSpec spec, Folder folder) {
        long start = System.nanoTime();
        ImageFolderListing listing = folder.listing();
        RawImages raw = images(spec, folder);
        Geometry geometry = Geometry.image(raw.channels(), spec.size(), spec.size(), listing.classes().size());
        boolean[] test = SPLIT.testMask(raw.labels());
        ImageSet all = new ImageSet(geometry, raw.pixels(), raw.labels());
        ImageSet train = all.subset(IntStream.range(0, raw.count()).filter(i -> !test[i]).toArray());
        ImageSet testSet = all.subset(IntStream.range(0, raw.count()).filter(i -> test[i]).toArray());
        StringJoiner classes = new StringJoiner(", ");
        for (int k = 0; k < listing.classes().size(); k++) {
            classes.add(k + "=" + listing.classes().get(k));
        }
        LOG.info("{} {}: {} train / {} test images of {} (classes {}) ready in {} ms", NAME, listing.root(),
                train.size(), testSet.size(), geometry, classes, (System.nanoTime() - start) / 1_000_000);
        return new InMemoryDataset(NAME, folder.identity(), geometry, train, testSet);
    }

    private Path pixelCache(DataSpec spec, Folder folder) {
        String channels = spec.channels() == ImageFolderReader.FROM_FILES ? "asfiles" : "c" + spec.channels();
        return directory.root().resolve(String.format(Locale.ROOT, "%s-%s-%s-%d.u8", NAME, folder.shortFingerprint(),
                channels, spec.size()));
    }

    private RawImages images(DataSpec spec, Folder folder) {
        Path cache = pixelCache(spec, folder);
        ImageFolderListing listing = folder.listing();
        RawImages raw = PixelCacheFile.readOrBuild(cache, () -> decode(spec, listing));
        boolean channelsMatch = spec.channels() == ImageFolderReader.FROM_FILES || raw.channels() == spec.channels();
        if (raw.side() != spec.size() || raw.count() != listing.imageCount() || !channelsMatch) {
            throw new DatasetException("data cache " + cache + " holds " + raw.count() + " images of " + raw.channels()
                    + "x" + raw.side() + "x" + raw.side() + " instead of " + listing.imageCount() + " of "
                    + spec.size() + "x" + spec.size() + "; delete it");
        }
        return raw;
    }

    private static RawImages decode(DataSpec spec, ImageFolderListing listing) {
        long start = System.nanoTime();
        RawImages raw = ImageFolderReader.read(listing, spec.channels(), spec.size());
        LOG.info("{} {}: decoded {} images of {} classes in {} ms", NAME, listing.root(), raw.count(),
                listing.classes().size(), (System.nanoTime() - start) / 1_000_000);
        return raw;
    }

    private static Folder folder(DataSpec spec) {
        if (spec.source().isBlank()) {
            throw new DatasetException(MISSING_SOURCE);
        }
        ImageFolderListing listing = ImageFolderListing.scan(Path.of(spec.source()).toAbsolutePath().normalize());
        return new Folder(listing, listing.contentFingerprint());
    }

    /** Runs {@code work}, prefixing the one-line reason of a failure with the key it concerns. */
    private static <T> T namingTheSource(Supplier<T> work) {
        try {
            return work.get();
        } catch (DatasetException e) {
            throw new DatasetException("data.source: " + e.getMessage(), e);
        }
    }

    /** A listed folder and the SHA-256 of its contents. */
    private record Folder(ImageFolderListing listing, String fingerprint) {

        String shortFingerprint() {
            return fingerprint.substring(0, FINGERPRINT_CHARS);
        }

        String identity() {
            return NAME + "-" + shortFingerprint();
        }
    }
}
