package org.acdit4j.framework.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes small image folders for tests: one subfolder per class, images cycling through PNG, JPEG and BMP, each a
 * black canvas with a class-coloured (or, in grey, class-bright) square at a seeded position, so a model can tell the
 * classes apart. Grey files are written as 8-bit grey images, colour files as 24-bit RGB.
 */
public final class ImageFolders {

    /** The format of the i-th image of a class. */
    private static final List<String> FORMATS = List.of("png", "jpg", "bmp");
    /** The colour of each class's square (0xRRGGBB) in colour folders. */
    private static final int[] COLOURS = {0xe62828, 0x28c83c, 0x3250f0, 0xf0dc28};
    /** The grey level of each class's square in grey folders. */
    private static final int[] GREYS = {250, 180, 110, 60};

    private ImageFolders() {
    }

    /**
     * Writes {@code perClass} images of {@code width}×{@code height} into {@code root/<class>/} for every name of
     * {@code classes} (at most four), returning {@code root}.
     */
    public static Path write(Path root, List<String> classes, int perClass, boolean colour, int width, int height) {
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < classes.size(); k++) {
            Path folder = root.resolve(classes.get(k));
            for (int i = 0; i < perClass; i++) {
                String format = FORMATS.get(i % FORMATS.size());
                BufferedImage image = canvas(width, height, colour);
                int extent = Math.min(width, height) / 2;
                paint(image, random.nextInt(width - extent + 1), random.nextInt(height - extent + 1), extent, extent,
                        colour ? COLOURS[k] : GREYS[k]);
                save(image, folder.resolve(String.format("img%03d.%s", i, format)), format);
            }
        }
        return root;
    }

    /** An all-black image of the given size, grey (8-bit) or RGB (24-bit). */
    public static BufferedImage canvas(int width, int height, boolean colour) {
        return new BufferedImage(width, height, colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
    }

    /** Fills a rectangle with {@code value}: 0xRRGGBB in an RGB image, the level 0–255 in a grey one. */
    public static void paint(BufferedImage image, int left, int top, int w, int h, int value) {
        boolean grey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        for (int y = top; y < top + h; y++) {
            for (int x = left; x < left + w; x++) {
                if (grey) {
                    image.getRaster().setSample(x, y, 0, value);
                } else {
                    image.setRGB(x, y, value);
                }
            }
        }
    }

    /** Writes {@code image} as {@code format} (png, jpg or bmp), creating the folder. */
    public static void save(BufferedImage image, Path file, String format) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("ImageIO has no " + format + " writer for " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
