package org.acdit4j.framework.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.testing.ImageFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code image-folder} on folders of PNG, JPEG and BMP files written by the test. */
class ImageFolderDatasetTest {

    @TempDir
    Path work;

    private Path cacheRoot;
    private ImageFolderDatasetFactory factory;

    @BeforeEach
    void setUp() {
        cacheRoot = work.resolve("cache");
        factory = new ImageFolderDatasetFactory(new DataDirectory(cacheRoot));
    }

    private static DataSpec spec(Path folder, int size, int channels) {
        return DataSpec.fromSource(ImageFolderDatasetFactory.NAME, size, folder.toString(), channels);
    }

    @Test
    void colourFilesGiveRgbImagesLabelledBySortedFolderNames() {
        Path folder = ImageFolders.write(work.resolve("rgb"), List.of("zebra", "apple", "mango"), 10, true, 40, 30);

        Dataset dataset = factory.open(spec(folder, 16, 0));

        assertThat(dataset.geometry()).isEqualTo(Geometry.image(3, 16, 16, 3));
        assertThat(dataset.train().size() + dataset.test().size()).isEqualTo(30);
        assertThat(dataset.test().classCounts()).containsExactly(1, 1, 1);
        assertThat(dataset.identity()).matches("image-folder-[0-9a-f]{16}");
        assertThat(factory.identity(spec(folder, 16, 0))).isEqualTo(dataset.identity());
        assertThat(factory.geometry(spec(folder, 16, 0))).isEqualTo(dataset.geometry());
        // label 0 is "apple", painted 0x28c83c by the fixture (the second name it was given): its brightest pixel is green
        int apple = firstOfClass(dataset.train(), 0);
        int plane = 16 * 16;
        int brightest = brightestOffset(dataset.train(), apple, plane);
        assertThat(dataset.train().value(apple, plane + brightest)).isGreaterThan(150);
        assertThat(dataset.train().value(apple, brightest)).isLessThan(90);
    }

    @Test
    void theCentreSquareIsCutOutAndResizedExactlyForLosslessFiles() {
        BufferedImage wide = ImageFolders.canvas(30, 10, true);
        ImageFolders.paint(wide, 0, 0, 10, 10, 0xff0000);
        ImageFolders.paint(wide, 10, 0, 10, 10, 0x00ff00);
        ImageFolders.paint(wide, 20, 0, 10, 10, 0x0000ff);
        Path folder = work.resolve("crop");
        ImageFolders.save(wide, folder.resolve("stripes/wide.png"), "png");
        BufferedImage tall = ImageFolders.canvas(4, 8, false);
        ImageFolders.paint(tall, 0, 0, 4, 2, 255);
        ImageFolders.paint(tall, 0, 2, 4, 4, 100);
        ImageFolders.save(tall, folder.resolve("stripes/tall.bmp"), "bmp");
        ImageFolders.write(folder, List.of("zz-second-class"), 2, false, 8, 8);

        Dataset dataset = factory.open(spec(folder, 2, 3));

        // one image of each class goes to each split, the stripes class first; the wide one keeps its green middle (R 0, G 255, B 0 in
        // (C, H, W) order), the tall grey one its rows 2..5 (all 100), repeated into three channels
        assertThat(List.of(example(dataset.train(), 0), example(dataset.test(), 0))).containsExactlyInAnyOrder(
                List.of(0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0),
                List.of(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100));
    }

    @Test
    void greyFilesStayGreyOrAreRepeatedIntoThreeChannelsAndColourBecomesLuminance() {
        Path grey = ImageFolders.write(work.resolve("grey"), List.of("a", "b"), 5, false, 12, 12);
        Path colour = ImageFolders.write(work.resolve("colour"), List.of("a", "b"), 5, true, 12, 12);

        Dataset asFiles = factory.open(spec(grey, 8, 0));
        Dataset repeated = factory.open(spec(grey, 8, 3));
        Dataset luminance = factory.open(spec(colour, 8, 1));

        assertThat(asFiles.geometry().channels()).isEqualTo(1);
        assertThat(repeated.geometry().channels()).isEqualTo(3);
        assertThat(luminance.geometry().channels()).isEqualTo(1);
        for (int offset = 0; offset < 64; offset++) {
            int value = asFiles.train().value(0, offset);
            assertThat(new int[] {repeated.train().value(0, offset), repeated.train().value(0, 64 + offset),
                repeated.train().value(0, 128 + offset)}).containsOnly(value);
        }
        Dataset colourAsFiles = factory.open(spec(colour, 8, 0));
        int offset = brightestOffset(colourAsFiles.train(), 0, 64);
        double expected = 0.299 * colourAsFiles.train().value(0, offset) + 0.587 * colourAsFiles.train().value(0, 64 + offset)
                + 0.114 * colourAsFiles.train().value(0, 128 + offset);
        assertThat(luminance.train().value(0, offset)).isCloseTo((int) Math.round(expected), within(1));
    }

    @Test
    void theSplitIsTheSameForEveryOpenAndEveryCacheRebuild() throws Exception {
        Path folder = ImageFolders.write(work.resolve("split"), List.of("a", "b", "c"), 20, true, 16, 16);
        Dataset first = factory.open(spec(folder, 8, 0));
        Files.delete(factory.pixelCache(spec(folder, 8, 0)));
        Dataset rebuilt = new ImageFolderDatasetFactory(new DataDirectory(cacheRoot)).open(spec(folder, 8, 0));
        Dataset copied = factory.open(spec(copy(folder, work.resolve("elsewhere")), 8, 0));

        assertThat(first.test().classCounts()).containsExactly(2, 2, 2);
        for (Dataset other : List.of(rebuilt, copied)) {
            assertThat(pixels(other.train())).isEqualTo(pixels(first.train()));
            assertThat(pixels(other.test())).isEqualTo(pixels(first.test()));
        }
        assertThat(copied.identity()).isEqualTo(first.identity());
    }

    @Test
    void theCacheIsReusedUntilTheFolderChanges() throws Exception {
        Path folder = ImageFolders.write(work.resolve("edit"), List.of("a", "b"), 6, false, 16, 16);
        DataSpec spec = spec(folder, 8, 0);
        Dataset before = factory.open(spec);
        Path cache = factory.pixelCache(spec);
        assertThat(cache).exists();
        long written = Files.getLastModifiedTime(cache).toMillis();

        Dataset again = factory.open(spec);
        assertThat(Files.getLastModifiedTime(cache).toMillis()).isEqualTo(written);
        assertThat(pixels(again.train())).isEqualTo(pixels(before.train()));

        BufferedImage white = ImageFolders.canvas(16, 16, false);
        ImageFolders.paint(white, 0, 0, 16, 16, 255);
        ImageFolders.save(white, folder.resolve("a/img000.png"), "png");
        Dataset after = factory.open(spec);

        assertThat(factory.pixelCache(spec)).isNotEqualTo(cache).exists();
        assertThat(after.identity()).isNotEqualTo(before.identity());
        assertThat(pixels(after.train()) + pixels(after.test())).isNotEqualTo(pixels(before.train()) + pixels(before.test()));
        Files.writeString(folder.resolve("b/notes.txt"), "ignored");
        assertThat(factory.pixelCache(spec)).isEqualTo(factory.pixelCache(spec(folder, 8, 0)));
        assertThat(factory.identity(spec)).isEqualTo(after.identity());
    }

    @Test
    void everyBadFolderIsOneLineNamingIt() throws Exception {
        Path missing = work.resolve("missing");
        assertBad(missing, "data.source: " + missing + " is not a folder (expected one subfolder of images per class)");

        Path flat = Files.createDirectories(work.resolve("flat"));
        Files.writeString(flat.resolve("x.png"), "");
        assertBad(flat, "data.source: " + flat + " has no class subfolders (expected one subfolder of PNG, JPEG or BMP"
                + " images per class, e.g. " + flat.resolve("cat") + ")");

        Path emptyClass = ImageFolders.write(work.resolve("empty-class"), List.of("a"), 2, false, 8, 8);
        Files.createDirectories(emptyClass.resolve("b"));
        Files.writeString(emptyClass.resolve("b/readme.txt"), "no images");
        assertBad(emptyClass, "data.source: class folder " + emptyClass.resolve("b") + " has no PNG, JPEG or BMP file"
                + " (extensions bmp, jpeg, jpg, png)");

        Path broken = ImageFolders.write(work.resolve("broken"), List.of("a", "b"), 2, false, 8, 8);
        Files.writeString(broken.resolve("b/img001.jpg"), "not a jpeg");
        assertBad(broken, "data.source: cannot read image " + broken.resolve("b/img001.jpg")
                + ": ImageIO has no decoder for its contents (expected a PNG, JPEG or BMP file)");

        Path oneClass = ImageFolders.write(work.resolve("one-class"), List.of("a"), 2, false, 8, 8);
        assertBad(oneClass, "data.source: " + oneClass + " has one class subfolder (a); allowed: 2 to 256 class "
                + "subfolders (class-conditional training, guidance and class agreement need two classes or more)");

        Path truncated = ImageFolders.write(work.resolve("truncated"), List.of("a", "b"), 2, true, 32, 32);
        byte[] png = Files.readAllBytes(truncated.resolve("a/img000.png"));
        Files.write(truncated.resolve("a/img000.png"), Arrays.copyOf(png, png.length / 2));
        assertThatThrownBy(() -> factory.open(spec(truncated, 8, 0)))
                .hasMessageStartingWith("data.source: cannot read image " + truncated.resolve("a/img000.png") + ": ");

        Path mixed = ImageFolders.write(work.resolve("mixed"), List.of("a"), 3, false, 8, 8);
        ImageFolders.write(mixed, List.of("b"), 2, true, 8, 8);
        assertBad(mixed, "data.source: " + mixed + " mixes 3 grey and 2 colour images (e.g. " + mixed.resolve("a/img000.png")
                + " is grey, " + mixed.resolve("b/img000.png") + " is colour); set data.channels=1 (grey) or"
                + " data.channels=3 (RGB)");
        assertThat(factory.open(spec(mixed, 8, 3)).geometry().channels()).isEqualTo(3);
    }

    /** open() throws {@code message}; preflight() reports it as its one problem and creates no cache. */
    private void assertBad(Path folder, String message) {
        DataSpec spec = spec(folder, 8, 0);
        assertThatThrownBy(() -> factory.open(spec)).isInstanceOf(DatasetException.class).hasMessage(message);
        Problems problems = new Problems();
        factory.preflight(spec, problems);
        assertThat(problems.messages()).containsExactly(message);
    }

    @Test
    void preflightDecodesTheFolderOnceSoTheRunReadsTheCache() {
        Path folder = ImageFolders.write(work.resolve("ok"), List.of("a", "b"), 4, true, 10, 10);
        Problems problems = new Problems();

        factory.preflight(spec(folder, 8, 0), problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(factory.pixelCache(spec(folder, 8, 0))).exists();
        Problems noSource = new Problems();
        factory.preflight(DataSpec.of(ImageFolderDatasetFactory.NAME, 8), noSource);
        assertThat(noSource.messages()).containsExactly(
                "data.source: must name the folder of images (one subfolder per class) for image-folder");
    }

    private static List<Integer> example(ImageSet set, int index) {
        return java.util.stream.IntStream.range(0, set.geometry().valuesPerExample()).mapToObj(k -> set.value(index, k))
                .toList();
    }

    private static int firstOfClass(ImageSet set, int label) {
        for (int i = 0; i < set.size(); i++) {
            if (set.label(i) == label) {
                return i;
            }
        }
        throw new AssertionError("no example of class " + label);
    }

    /** Offset within the first plane of the pixel whose channel sum is largest. */
    private static int brightestOffset(ImageSet set, int index, int plane) {
        int best = 0;
        int bestSum = -1;
        for (int k = 0; k < plane; k++) {
            int sum = 0;
            for (int c = 0; c < set.geometry().channels(); c++) {
                sum += set.value(index, c * plane + k);
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = k;
            }
        }
        return best;
    }

    /** Every label and pixel value of {@code set}, in order. */
    private static String pixels(ImageSet set) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < set.size(); i++) {
            out.append(set.label(i)).append(':').append(example(set, i)).append('\n');
        }
        return out.toString();
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
