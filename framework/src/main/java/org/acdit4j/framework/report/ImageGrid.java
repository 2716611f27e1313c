package org.acdit4j.framework.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.io.AtomicFiles;

/** Writes a batch of images (first frame, first channel as grey, or RGB when there are 3) as one PNG grid. */
public final class ImageGrid {

    private static final int GAP = 2;

    private ImageGrid() {
    }

    public static void writePng(ImageBatch batch, int columns, int scale, Path file) {
        Geometry g = batch.geometry();
        int rows = (batch.size() + columns - 1) / columns;
        int cell = g.width() * scale + GAP;
        BufferedImage image = new BufferedImage(columns * cell + GAP, rows * (g.height() * scale + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        int plane = g.height() * g.width();
        for (int i = 0; i < batch.size(); i++) {
            int left = GAP + (i % columns) * cell;
            int top = GAP + (i / columns) * (g.height() * scale + GAP);
            int base = i * g.valuesPerExample();  // first frame of example i
            for (int y = 0; y < g.height(); y++) {
                for (int x = 0; x < g.width(); x++) {
                    int rgb = pixel(batch.pixels(), base, plane, g.channels(), y * g.width() + x);
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            image.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + file, e);
        }
        AtomicFiles.write(file, png.toByteArray());
    }

    private static int pixel(float[] pixels, int base, int plane, int channels, int offset) {
        int r = byteOf(pixels[base + offset]);
        if (channels < 3) {
            return r << 16 | r << 8 | r;
        }
        int g = byteOf(pixels[base + plane + offset]);
        int b = byteOf(pixels[base + 2 * plane + offset]);
        return r << 16 | g << 8 | b;
    }

    private static int byteOf(float value) {
        return (int) Math.round(Math.max(-1f, Math.min(1f, value)) * 127.5 + 127.5);
    }
}
