package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class TokenArCheckpointTest {

    private static final TokenSampling PLAIN = new TokenSampling(1.0, 0);

    @TempDir
    Path folder;

    /** A restored model continues exactly: same step, same samples, same next training losses. */
    @Test
    void aCheckpointRestoresWeightsOptimizerEmaStepAndRandomState() throws IOException {
        TokenArConfig config = TokenArConfig.of(TokenArFixtures.spec(16), TokenArFixtures.train(10, 3e-3),
                TokenArFixtures.GRID_8, DataType.FLOAT);
        Tokenizer tokenizer = new Tokenizer(TokenArFixtures.GRID_8, 2, TokenArFixtures.randomCodebook(16, 5));
        TokenArModel trained = new TokenArModel(config, tokenizer, 1);
        int[] codes = TokenArFixtures.randomCodes(4, config.length(), 16, 2);
        int[] labels = {0, 1, 2, 3};
        for (int i = 0; i < 3; i++) {
            trained.update(codes, labels);
        }
        Path checkpoint = folder.resolve("model.ckpt");
        trained.save(checkpoint);
        TokenArModel restored = new TokenArModel(config, tokenizer, 99);
        restored.restore(checkpoint);

        assertThat(restored.step()).isEqualTo(3);
        assertThat(restored.sampleCodes(labels, PLAIN, 2.0, 7, true))
                .containsExactly(trained.sampleCodes(labels, PLAIN, 2.0, 7, true));
        assertThat(restored.update(codes, labels).loss()).isEqualTo(trained.update(codes, labels).loss());
        assertThat(restored.update(codes, labels).loss()).isEqualTo(trained.update(codes, labels).loss());
    }

    @Test
    void aCheckpointOfAnotherCodebookIsRefusedNamingIt() throws IOException {
        TokenArConfig config = TokenArConfig.of(TokenArFixtures.spec(16), TokenArFixtures.train(10, 3e-3),
                TokenArFixtures.GRID_8, DataType.FLOAT);
        Path checkpoint = folder.resolve("model.ckpt");
        new TokenArModel(config, new Tokenizer(TokenArFixtures.GRID_8, 2, TokenArFixtures.randomCodebook(16, 5)), 1)
                .save(checkpoint);
        TokenArModel other = new TokenArModel(config,
                new Tokenizer(TokenArFixtures.GRID_8, 2, TokenArFixtures.randomCodebook(16, 6)), 1);
        assertThatThrownBy(() -> other.restore(checkpoint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(checkpoint.toString()).hasMessageContaining("another codebook");
    }
}
