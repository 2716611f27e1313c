package org.acdit4j.framework.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFilesTest {

    /** Two grey 2×3 images: pixel values -1 (black), 0 and 1 (white), labels 7 and 2. */
    private static final ImageBatch GREY = new ImageBatch(Geometry.image(1, 2, 3, 10),
            new float[] {-1, 0, 1, 1, 0, -1, 1, 1, 1, -1, -1, -1}, new int[] {7, 2});

    @TempDir
    Path dir;

    @Test
    void anNpzHoldsUint8ImagesInHwc3AndInt64LabelsAsTheAdmEvaluatorReadsThem() throws IOException {
        Path file = dir.resolve("samples.npz");

        SampleFiles.writeNpz(GREY, file);

        Map<String, byte[]> entries = entries(file);
        assertThat(entries).containsOnlyKeys("arr_0.npy", "arr_1.npy");
        Npy images = Npy.parse(entries.get("arr_0.npy"));
        assertThat(images.header()).isEqualTo("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2, 3, 3), }");
        // first image, first row: black, mid grey (round(127.5) = 128), white; each as three equal channels
        assertThat(images.data()).hasSize(2 * 2 * 3 * 3).startsWith(new byte[] {0, 0, 0, (byte) 128, (byte) 128,
                (byte) 128, (byte) 255, (byte) 255, (byte) 255});
        Npy labels = Npy.parse(entries.get("arr_1.npy"));
        assertThat(labels.header()).isEqualTo("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }");
        ByteBuffer values = ByteBuffer.wrap(labels.data()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(values.getLong()).isEqualTo(7);
        assertThat(values.getLong()).isEqualTo(2);
    }

    @Test
    void aPngFolderHoldsOneNumberedImagePerSampleAtNativeResolution() throws IOException {
        SampleFiles.writePngFolder(GREY, dir.resolve("pngs"));

        try (var files = Files.list(dir.resolve("pngs"))) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted()).containsExactly("000000.png",
                    "000001.png");
        }
        BufferedImage second = ImageIO.read(dir.resolve("pngs/000001.png").toFile());
        assertThat(second.getWidth()).isEqualTo(3);
        assertThat(second.getHeight()).isEqualTo(2);
        assertThat(second.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        assertThat(second.getRGB(0, 1) & 0xffffff).isZero();
    }

    @Test
    void theFramesOfClipsAreWrittenAsImagesLabelledAsTheirClip() throws IOException {
        ImageBatch clip = new ImageBatch(new Geometry(1, 1, 1, 3, 10), new float[] {-1, 0, 1}, new int[] {4});
        Path file = dir.resolve("clip.npz");

        SampleFiles.writeNpz(clip, file);

        Map<String, byte[]> entries = entries(file);
        assertThat(Npy.parse(entries.get("arr_0.npy")).header()).contains("'shape': (3, 1, 1, 3)");
        assertThat(Npy.parse(entries.get("arr_1.npy")).data()).hasSize(3 * Long.BYTES);
    }

    private static Map<String, byte[]> entries(Path npz) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(npz))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** A {@code .npy} read by its published format: magic, version 1.0, header length, header, data. */
    private record Npy(String header, byte[] data) {

        static Npy parse(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[6];
            buffer.get(magic);
            assertThat(magic).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'});
            assertThat(buffer.get()).as("major version").isEqualTo((byte) 1);
            assertThat(buffer.get()).as("minor version").isEqualTo((byte) 0);
            int headerLength = Short.toUnsignedInt(buffer.getShort());
            assertThat((10 + headerLength) % 64).as("data starts 64-byte aligned").isZero();
            byte[] header = new byte[headerLength];
            buffer.get(header);
            String text = new String(header, StandardCharsets.US_ASCII);
            assertThat(text).endsWith("\n");
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            return new Npy(text.strip(), data);
        }
    }
}
