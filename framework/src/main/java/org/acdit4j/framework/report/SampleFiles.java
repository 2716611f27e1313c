package org.acdit4j.framework.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.io.AtomicFiles;

/**
 * Generated samples in the files external scorers read. An {@code .npz} in the layout of the ADM evaluator suite
 * (Dhariwal and Nichol 2021): {@code arr_0} the images as uint8 (N, H, W, 3), {@code arr_1} their labels as int64
 * (N,); a folder of numbered PNGs at native resolution, as torch-fidelity and clean-fid read. Grey images are
 * written as three equal channels; the frames of clips are written as images, each labelled as its clip.
 */
public final class SampleFiles {

    private static final int NPY_ALIGNMENT = 64;

    private SampleFiles() {
    }

    /** Writes {@code samples} as an ADM-style {@code .npz}, atomically. */
    public static void writeNpz(ImageBatch samples, Path file) {
        ImageBatch images = samples.asFrames();
        Geometry g = images.geometry();
        byte[] pixels = new byte[images.size() * g.height() * g.width() * 3];
        int at = 0;
        for (int i = 0; i < images.size(); i++) {
            for (int y = 0; y < g.height(); y++) {
                for (int x = 0; x < g.width(); x++) {
                    int rgb = rgb(images, i, y, x);
                    pixels[at++] = (byte) (rgb >> 16);
                    pixels[at++] = (byte) (rgb >> 8);
                    pixels[at++] = (byte) rgb;
                }
            }
        }
        ByteBuffer labels = ByteBuffer.allocate(images.size() * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int label : images.labels()) {
            labels.putLong(label);
        }
        String imageShape = String.format(Locale.ROOT, "(%d, %d, %d, 3)", images.size(), g.height(), g.width());
        String labelShape = String.format(Locale.ROOT, "(%d,)", images.size());
        ByteArrayOutputStream npz = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(npz)) {
            entry(zip, "arr_0.npy", npy("|u1", imageShape, pixels));
            entry(zip, "arr_1.npy", npy("<i8", labelShape, labels.array()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + file, e);
        }
        AtomicFiles.write(file, npz.toByteArray());
    }

    /** Writes every image (every frame of a clip) of {@code samples} as {@code 000000.png}, … into {@code folder}. */
    public static void writePngFolder(ImageBatch samples, Path folder) {
        ImageBatch images = samples.asFrames();
        Geometry g = images.geometry();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < images.size(); i++) {
                BufferedImage image = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < g.height(); y++) {
                    for (int x = 0; x < g.width(); x++) {
                        image.setRGB(x, y, rgb(images, i, y, x));
                    }
                }
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                AtomicFiles.write(folder.resolve(String.format(Locale.ROOT, "%06d.png", i)), png.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the samples into " + folder, e);
        }
    }

    private static int rgb(ImageBatch images, int example, int y, int x) {
        Geometry g = images.geometry();
        int plane = g.height() * g.width();
        return ImageGrid.pixel(images.pixels(), example * g.channels() * plane, plane, g.channels(), y * g.width() + x);
    }

    /** One {@code .npy} (format 1.0): magic, header length, a header dict padded to 64 bytes, the data. */
    private static byte[] npy(String dtype, String shape, byte[] data) {
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 6 + 2 + 2 + dict.length() + 1;
        int padding = (NPY_ALIGNMENT - unpadded % NPY_ALIGNMENT) % NPY_ALIGNMENT;
        byte[] header = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer npy = ByteBuffer.allocate(10 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        npy.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        npy.putShort((short) header.length).put(header).put(data);
        return npy.array();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
