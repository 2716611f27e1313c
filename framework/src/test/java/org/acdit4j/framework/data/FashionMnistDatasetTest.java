package org.acdit4j.framework.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;

class FashionMnistDatasetTest {

    private final MnistFamilyDatasetFactory factory = TestDataDirectory.fashionMnist();

    @Test
    void fetchesSplitsAndScalesTheRealPackage() {
        Dataset dataset = factory.open(DataSpec.of("fashion-mnist", 32));

        assertThat(dataset.geometry()).isEqualTo(Geometry.image(1, 32, 32, 10));
        assertThat(dataset.test().size()).isEqualTo(10_000);
        assertThat(dataset.train().size()).isEqualTo(60_000);
        assertThat(dataset.test().classCounts()).containsOnly(1000);
        assertThat(dataset.train().classCounts()).containsOnly(6000);

        ImageBatch batch = dataset.train().range(0, 500);
        PixelRange range = PixelRange.of(batch);
        assertThat(range.min()).isEqualTo(-1f);
        assertThat(range.max()).isEqualTo(1f);
        // 28 → 32 is a centre pad: the two-pixel border is black in every image
        for (int i = 0; i < 500; i++) {
            assertThat(dataset.train().value(i, 0)).isZero();
            assertThat(dataset.train().value(i, 32 * 31 + 31)).isZero();
        }
    }

    @Test
    void laterLoadsUseTheBinaryCacheAndACorruptCacheIsRebuilt() throws IOException {
        Dataset first = factory.open(DataSpec.of("fashion-mnist", 28));
        assertThat(factory.pixelCache()).isRegularFile();

        try (FileChannel channel = FileChannel.open(factory.pixelCache(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {42, 43, 44}), Files.size(factory.pixelCache()) / 2);
        }
        Dataset rebuilt = factory.open(DataSpec.of("fashion-mnist", 28));

        assertThat(rebuilt.test().range(0, 100).pixels()).isEqualTo(first.test().range(0, 100).pixels());
        assertThat(rebuilt.train().range(30_000, 30_100).pixels()).isEqualTo(first.train().range(30_000, 30_100).pixels());
    }

    @Test
    void downscalingAveragesAreas() {
        Dataset full = factory.open(DataSpec.of("fashion-mnist", 28));
        Dataset half = factory.open(DataSpec.of("fashion-mnist", 14));

        int expected = 0;
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                expected += full.test().value(7, (10 + dy) * 28 + 10 + dx);
            }
        }
        assertThat(half.test().value(7, 5 * 14 + 5)).isEqualTo(Math.round(expected / 4f));
        assertThat(Arrays.stream(half.test().classCounts()).sum()).isEqualTo(10_000);
    }
}
