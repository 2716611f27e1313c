package org.acdit4j.framework.data.source;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.acdit4j.framework.data.DatasetException;

/**
 * Decodes every image of an {@link ImageFolderListing} through ImageIO, centre-crops and resizes it
 * ({@link CentreCrop}) and gives them all the same channel count: the requested one (grey is repeated into R, G
 * and B; colour becomes grey as 0.299 R + 0.587 G + 0.114 B), or, when none is requested, the one every file
 * has.
 */
public final class ImageFolderReader {

    /** Channel count chosen from the files ({@code data.channels=0}). */
    public static final int FROM_FILES = 0;

    private ImageFolderReader() {
    }

    /**
     * The images of {@code listing} as (N, C, side, side) bytes labelled by class, in listing order.
     *
     * @param channels 1, 3, or {@link #FROM_FILES}
     */
    public static RawImages read(ImageFolderListing listing, int channels, int side) {
        List<byte[]> squares = new ArrayList<>();
        List<Path> greyExamples = new ArrayList<>();
        List<Path> colourExamples = new ArrayList<>();
        int[] labels = new int[listing.imageCount()];
        int index = 0;
        for (int k = 0; k < listing.classes().size(); k++) {
            for (Path file : listing.files().get(k)) {
                BufferedImage image = decode(file);
                (CentreCrop.channelsOf(image) == 1 ? greyExamples : colourExamples).add(file);
                squares.add(CentreCrop.square(image, side));
                labels[index++] = k;
            }
        }
        int resolved = channels != FROM_FILES ? channels : fromFiles(listing, greyExamples, colourExamples);
        int perImage = resolved * side * side;
        byte[] pixels = new byte[labels.length * perImage];  // (N, C, side, side)
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(convert(squares.get(i), resolved, side), 0, pixels, i * perImage, perImage);
        }
        return new RawImages(resolved, side, pixels, labels);
    }

    private static BufferedImage decode(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException("cannot read image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DatasetException("cannot read image " + file + ": ImageIO has no decoder for its contents"
                    + " (expected a PNG, JPEG or BMP file)");
        }
        return image;
    }

    private static int fromFiles(ImageFolderListing listing, List<Path> grey, List<Path> colour) {
        if (!grey.isEmpty() && !colour.isEmpty()) {
            throw new DatasetException(listing.root() + " mixes " + grey.size() + " grey and "
                    + colour.size() + " colour images (e.g. " + grey.get(0) + " is grey, " + colour.get(0)
                    + " is colour); set data.channels=1 (grey) or data.channels=3 (RGB)");
        }
        return grey.isEmpty() ? 3 : 1;
    }

    /** A (c, side, side) square as {@code channels} channels. */
    private static byte[] convert(byte[] square, int channels, int side) {
        int plane = side * side;
        int has = square.length / plane;
        if (has == channels) {
            return square;
        }
        byte[] out = new byte[channels * plane];
        for (int i = 0; i < plane; i++) {
            if (channels == 3) {
                out[i] = square[i];
                out[plane + i] = square[i];
                out[2 * plane + i] = square[i];
            } else {
                out[i] = (byte) Math.round(0.299 * (square[i] & 0xff) + 0.587 * (square[plane + i] & 0xff)
                        + 0.114 * (square[2 * plane + i] & 0xff));
            }
        }
        return out;
    }
}
