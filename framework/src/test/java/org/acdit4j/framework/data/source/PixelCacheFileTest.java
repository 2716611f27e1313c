package org.acdit4j.framework.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixel cache round-trips images of any channel count, still reads first-version files and rebuilds bad ones. */
class PixelCacheFileTest {

    @TempDir
    Path work;

    private static RawImages unreachable() {
        throw new AssertionError("the cache should have been read, not rebuilt");
    }

    @Test
    void rgbImagesRoundTrip() {
        RawImages images = new RawImages(3, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 200}, new int[] {7});
        Path file = work.resolve("rgb.u8");

        PixelCacheFile.readOrBuild(file, () -> images);
        RawImages read = PixelCacheFile.readOrBuild(file, PixelCacheFileTest::unreachable);

        assertThat(read.channels()).isEqualTo(3);
        assertThat(read.side()).isEqualTo(2);
        assertThat(read.pixels()).isEqualTo(images.pixels());
        assertThat(read.labels()).containsExactly(7);
    }

    @Test
    void aFirstVersionFileIsReadAsSingleChannel() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("ACDIT4J1".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(2);
        out.writeInt(1);
        out.writeByte(3);
        out.writeByte(4);
        out.write(new byte[] {10, 20});
        out.write(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        Path file = work.resolve("v1.u8");
        Files.write(file, bytes.toByteArray());

        RawImages read = PixelCacheFile.readOrBuild(file, PixelCacheFileTest::unreachable);

        assertThat(read.channels()).isEqualTo(1);
        assertThat(read.pixels()).containsExactly(10, 20);
        assertThat(read.labels()).containsExactly(3, 4);
    }

    @Test
    void aTruncatedFileIsRebuilt() throws Exception {
        Path file = work.resolve("cut.u8");
        PixelCacheFile.readOrBuild(file, () -> new RawImages(3, 1, new byte[] {1, 2, 3}, new int[] {0}));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 5));

        RawImages rebuilt = PixelCacheFile.readOrBuild(file, () -> new RawImages(3, 1, new byte[] {9, 9, 9}, new int[] {1}));

        assertThat(rebuilt.pixels()).containsExactly(9, 9, 9);
        assertThat(Files.size(file)).isEqualTo(whole.length);
    }
}
