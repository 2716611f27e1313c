package org.acdit4j.framework.data.source;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Turns a decoded image of any size into a square of {@code side}×{@code side} 8-bit values: the largest centred
 * square is cut out (the longer side loses equal margins) and resized by area averaging ({@link AreaAverage}), each
 * target pixel the overlap-weighted mean of the source pixels it covers (a box filter, which also upscales). Grey
 * images keep one channel, read from their samples as stored (no colour-space conversion); all others give three
 * (R, G, B). Alpha is ignored.
 */
public final class CentreCrop {

    private CentreCrop() {
    }

    /** Channels the image has as stored: 1 for grey, 3 otherwise. */
    public static int channelsOf(BufferedImage image) {
        return image.getColorModel().getNumColorComponents() == 1 ? 1 : 3;
    }

    /** The centre square of {@code image} resized to {@code side}: (channelsOf(image), side, side) bytes. */
    public static byte[] square(BufferedImage image, int side) {
        int channels = channelsOf(image);
        float[][] planes = planes(image, channels);  // (C, H·W)
        int width = image.getWidth();
        int crop = Math.min(width, image.getHeight());
        int left = (width - crop) / 2;
        int top = (image.getHeight() - crop) / 2;
        byte[] out = new byte[channels * side * side];  // (C, side, side)
        for (int c = 0; c < channels; c++) {
            float[] plane = planes[c];
            AreaAverage.resize((y, x) -> plane[(top + y) * width + left + x], crop, out, c * side * side, side);
        }
        return out;
    }

    /** Values 0–255 of every pixel, one plane per channel: (C, H·W). */
    private static float[][] planes(BufferedImage image, int channels) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[][] planes = new float[channels][width * height];
        if (channels == 1) {
            Raster raster = image.getRaster();
            float toByte = 255f / ((1 << raster.getSampleModel().getSampleSize(0)) - 1);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    planes[0][y * width + x] = raster.getSample(x, y, 0) * toByte;
                }
            }
            return planes;
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            planes[0][i] = argb[i] >> 16 & 0xff;
            planes[1][i] = argb[i] >> 8 & 0xff;
            planes[2][i] = argb[i] & 0xff;
        }
        return planes;
    }
}
