package org.acdit4j.framework.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.io.AtomicFiles;

/** Writes a batch of images or clips (one channel as grey, or RGB when there are 3) as a PNG grid or an animated GIF. */
public final class ImageGrid {

    static final int GAP = 2;

    private ImageGrid() {
    }

    /**
     * Images: a grid of {@code columns} examples per row. Clips: a film strip, one example per row and one frame per
     * column, so the whole clip is visible in a still image.
     */
    public static void writePng(ImageBatch batch, int columns, int scale, Path file) {
        BufferedImage image = batch.geometry().frames() > 1 ? filmStrip(batch, scale) : render(batch, 0, columns, scale);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + file, e);
        }
        AtomicFiles.write(file, png.toByteArray());
    }

    /** Clips as an animated GIF: each GIF frame is the grid of that frame of every example. */
    public static void writeGif(ImageBatch clips, int columns, int scale, int delayMillis, Path file) {
        List<BufferedImage> frames = new ArrayList<>();
        for (int t = 0; t < clips.geometry().frames(); t++) {
            frames.add(render(clips, t, columns, scale));
        }
        AnimatedGif.write(frames, delayMillis, file);
    }

    /** Frame {@code frame} of every example of {@code batch}, {@code columns} per row. */
    private static BufferedImage render(ImageBatch batch, int frame, int columns, int scale) {
        Geometry g = batch.geometry();
        int rows = (batch.size() + columns - 1) / columns;
        int cellW = g.width() * scale + GAP;
        int cellH = g.height() * scale + GAP;
        BufferedImage image = new BufferedImage(columns * cellW + GAP, rows * cellH + GAP, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < batch.size(); i++) {
            drawFrame(batch, i, frame, image, GAP + (i % columns) * cellW, GAP + (i / columns) * cellH, scale);
        }
        return image;
    }

    private static BufferedImage filmStrip(ImageBatch clips, int scale) {
        Geometry g = clips.geometry();
        int cellW = g.width() * scale + GAP;
        int cellH = g.height() * scale + GAP;
        BufferedImage image = new BufferedImage(g.frames() * cellW + GAP, clips.size() * cellH + GAP,
                BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < clips.size(); i++) {
            for (int t = 0; t < g.frames(); t++) {
                drawFrame(clips, i, t, image, GAP + t * cellW, GAP + i * cellH, scale);
            }
        }
        return image;
    }

    private static void drawFrame(ImageBatch batch, int example, int frame, BufferedImage image, int left, int top,
                                  int scale) {
        Geometry g = batch.geometry();
        int plane = g.height() * g.width();
        int base = example * g.valuesPerExample() + frame * g.channels() * plane;   // (N, T, C, H, W)
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

    static int pixel(float[] pixels, int base, int plane, int channels, int offset) {
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
