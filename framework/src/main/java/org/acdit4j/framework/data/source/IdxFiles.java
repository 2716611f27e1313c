package org.acdit4j.framework.data.source;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.acdit4j.framework.data.DatasetException;

/**
 * The IDX format of the original MNIST and Fashion-MNIST files ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, …), plain or gzipped: a big-endian magic {@code 0x00000803}
 * (images) or {@code 0x00000801} (labels), the dimension sizes, then unsigned bytes.
 */
public final class IdxFiles {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    /** Images of an IDX3 file: {@code count} images of {@code rows × cols} bytes. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
    }

    private IdxFiles() {
    }

    /** Finds {@code base} or {@code base.gz} in {@code folder}. */
    public static Path locate(Path folder, String base) {
        for (String name : new String[] {base, base + ".gz"}) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new DatasetException("data.source " + folder + " has no " + base + " (or " + base + ".gz)");
    }

    public static Images readImages(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), IMAGES_MAGIC);
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            byte[] pixels = new byte[Math.multiplyExact(count, rows * cols)];
            in.readFully(pixels);
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw new DatasetException("cannot read IDX images " + file + ": " + e.getMessage(), e);
        }
    }

    public static int[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), LABELS_MAGIC);
            int[] labels = new int[in.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUnsignedByte();
            }
            return labels;
        } catch (IOException e) {
            throw new DatasetException("cannot read IDX labels " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes images in IDX3 layout (gzipped when the name ends in {@code .gz}). */
    public static void writeImages(Path file, Images images) throws IOException {
        try (DataOutputStream out = create(file)) {
            out.writeInt(IMAGES_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.rows());
            out.writeInt(images.cols());
            out.write(images.pixels());
        }
    }

    /** Writes labels in IDX1 layout (gzipped when the name ends in {@code .gz}). */
    public static void writeLabels(Path file, int[] labels) throws IOException {
        try (DataOutputStream out = create(file)) {
            out.writeInt(LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new DataInputStream(new BufferedInputStream(in, 1 << 16));
    }

    private static DataOutputStream create(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
        return new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    }

    private static void checkMagic(Path file, int actual, int expected) throws IOException {
        if (actual != expected) {
            throw new IOException(String.format("%s is not an IDX %s file (magic 0x%08x, expected 0x%08x)",
                    file.getFileName(), expected == IMAGES_MAGIC ? "images" : "labels", actual, expected));
        }
    }
}
