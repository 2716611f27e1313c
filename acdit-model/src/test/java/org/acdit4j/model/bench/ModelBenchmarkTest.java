package org.acdit4j.model.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ModelBenchmarkTest {

    private static ModelBenchmark.Settings settings(List<Integer> blocks, int imageSize, int patch, int width,
                                                    int heads, String model) {
        return new ModelBenchmark.Settings(blocks, 5, 2, 64, 64, 5, 1.5, imageSize, patch, width, 4, heads, 1, 1, model,
                false);
    }

    @Test
    void theReferenceIsValidAndTokenArDefaultsToBlockSizeOne() {
        assertThat(ModelBenchmark.Settings.reference().tokens()).isEqualTo(64);
        assertThat(ModelBenchmark.Settings.defaultBlocks(ModelBenchmark.Settings.TOKEN_AR)).containsExactly(1);
        assertThat(settings(List.of(1), 16, 4, 64, 4, ModelBenchmark.Settings.TOKEN_AR).arLength(1)).isEqualTo(16);
    }

    @Test
    void aBadSettingIsAOneLineErrorNamingTheOptionAndWhatIsAllowed() {
        assertThatThrownBy(() -> settings(List.of(4), 16, 3, 64, 4, "acdit"))
                .hasMessage("--patch must divide --image-size 16 (allowed: [1, 2, 4, 8, 16]), got 3");
        assertThatThrownBy(() -> settings(List.of(4), 16, 4, 64, 32, "acdit"))
                .hasMessage("--heads must divide --width 64 into head dims divisible by 4 (two RoPE axes; allowed:"
                        + " [1, 2, 4, 8, 16]), got 32");
        assertThatThrownBy(() -> settings(List.of(4), 16, 4, 64, 4, "dit"))
                .hasMessage("--model must be acdit or token-ar, got dit");
        assertThatThrownBy(() -> settings(List.of(4), 16, 4, 64, 4, "token-ar"))
                .hasMessage("--blocks: the token-ar model is token-wise autoregressive, so its only block size is 1,"
                        + " got 4");
        assertThatThrownBy(() -> settings(List.of(3), 16, 4, 64, 4, "acdit"))
                .hasMessageStartingWith("--blocks 3: model.blockSize=3 does not tile the 1x4x4 token grid")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new ModelBenchmark.Settings(List.of(4), 0, 2, 64, 64, 5, 1.5, 16, 4, 64, 3, 4, 1, 1,
                "acdit", false)).hasMessage("--steps must be at least 1, got 0");
        assertThatThrownBy(() -> new ModelBenchmark.Settings(List.of(4), 5, 2, 64, 64, 5, 0.5, 16, 4, 64, 3, 4, 1, 1,
                "acdit", false)).hasMessage("--guidance must be a number >= 1 (1 = no guidance), got 0.5");
        assertThatThrownBy(() -> new ModelBenchmark.Settings(List.of(4), 5, 2, 12, 64, 5, 1.5, 16, 4, 64, 3, 4, 5, 1,
                "acdit", false)).hasMessage("--micro-batches must divide --batch 12 (allowed: [1, 2, 3, 4, 6, 12]), got 5");
        assertThatThrownBy(() -> new ModelBenchmark.Settings(List.of(4), 5, 2, 64, 64, 5, 1.5, 16, 4, 64, 3, 4, 2, 0,
                "acdit", false)).hasMessage("--threads must be at least 1, got 0");
    }

    @Test
    void aRowReportsThePeakResidentSetInJsonAndTheTable() {
        ModelBenchmark.Settings s = settings(List.of(4), 16, 4, 64, 4, "acdit");
        ModelBenchmark.Row row = new ModelBenchmark.Row(4, 4, 0.2, 0.2, 1.0, 100, 1, 2, 1, 2, 64, 64,
                OptionalLong.of(1536L * 1024 * 1024));
        ModelBenchmark.Row unknown = new ModelBenchmark.Row(4, 4, 0.2, 0.2, 1.0, 100, 1, 2, 1, 2, 64, 64,
                OptionalLong.empty());

        assertThat(row.json(s)).startsWith("{\"model\":\"acdit\",\"block\":4,").endsWith(",\"peakRssBytes\":1610612736}");
        assertThat(row.table()).endsWith("|      1536.0");
        assertThat(unknown.json(s)).endsWith(",\"peakRssBytes\":null}");
        assertThat(unknown.table()).endsWith("|         n/a");
    }
}
