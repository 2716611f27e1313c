package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {

    private static final TokenArSpec SHAPES_SPEC = new TokenArSpec(32, 2, 2, 4, 32, 7, 8000, 0.1, 4,
            TokenArFixtures.SHAPES_16);

    @TempDir
    Path dataDirectory;

    /**
     * encode→decode replaces each patch by its nearest code: the per-patch error equals the distance to that code,
     * no code is closer, and a codebook holding every distinct patch of the data reconstructs it exactly.
     */
    @Test
    void roundTripErrorIsBoundedByTheCodebook() {
        Dataset shapes = TokenArFixtures.shapes16();
        Tokenizer tokenizer = new Tokenizer(shapes.geometry(), 4, CodebookStore.fit(shapes, SHAPES_SPEC));
        ImageBatch images = shapes.test().range(0, 50);
        float[] patches = tokenizer.layout().patchify(images.pixels(), 50);
        float[] decoded = tokenizer.layout().patchify(tokenizer.reconstruct(images).pixels(), 50);
        float[] codes = tokenizer.codebook().vectors();
        int d = tokenizer.codebook().dimension();
        for (int offset = 0; offset < patches.length; offset += d) {
            double error = 0;
            for (int j = 0; j < d; j++) {
                error += Math.pow(patches[offset + j] - decoded[offset + j], 2);
            }
            for (int k = 0; k < tokenizer.codebook().codes(); k++) {
                double toCode = 0;
                for (int j = 0; j < d; j++) {
                    toCode += Math.pow(patches[offset + j] - codes[k * d + j], 2);
                }
                assertThat(error).isLessThanOrEqualTo(toCode + 1e-9);
            }
        }
        assertThat(tokenizer.meanSquaredError(images)).isLessThan(0.5);   // 32 codes of 4×4 binary shapes: far below
                                                                          // the 1.0 of predicting mid-grey
        ImageBatch tiny = shapes.test().range(0, 2);
        Codebook exact = new Codebook(32, d, tokenizer.layout().patchify(tiny.pixels(), 2));
        Tokenizer lossless = new Tokenizer(shapes.geometry(), 4, exact);
        assertThat(lossless.reconstruct(tiny).pixels()).containsExactly(tiny.pixels());
    }

    @Test
    void theSameSeedFitsTheSameCodebookAndTheCacheReturnsIt() {
        Dataset shapes = TokenArFixtures.shapes16();
        float[] first = CodebookStore.fit(shapes, SHAPES_SPEC).vectors();
        assertThat(CodebookStore.fit(shapes, SHAPES_SPEC).vectors()).containsExactly(first);
        TokenArSpec otherSeed = new TokenArSpec(32, 2, 2, 4, 32, 8, 8000, 0.1, 4, TokenArFixtures.SHAPES_16);
        assertThat(CodebookStore.fit(shapes, otherSeed).vectors()).isNotEqualTo(first);

        CodebookStore store = new CodebookStore(dataDirectory);
        assertThat(store.tokenizer(shapes, SHAPES_SPEC).codebook().vectors()).containsExactly(first);
        assertThat(store.file(shapes, SHAPES_SPEC)).isRegularFile();
        assertThat(store.tokenizer(shapes, SHAPES_SPEC).codebook().vectors()).containsExactly(first);
    }

    @Test
    void aCorruptOrMismatchedCodebookFileFailsWithOneLineNamingIt() throws IOException {
        Dataset shapes = TokenArFixtures.shapes16();
        CodebookStore store = new CodebookStore(dataDirectory);
        store.tokenizer(shapes, SHAPES_SPEC);
        Path file = store.file(shapes, SHAPES_SPEC);
        byte[] good = Files.readAllBytes(file);

        TokenArSpec otherSample = new TokenArSpec(32, 2, 2, 4, 32, 7, 4000, 0.1, 4, TokenArFixtures.SHAPES_16);
        Path otherFile = store.file(shapes, otherSample);
        assertThat(otherFile).isNotEqualTo(file);
        assertThat(otherFile.getParent()).isEqualTo(file.getParent());
        Files.copy(file, otherFile);                                        // a codebook under another's name
        assertThatThrownBy(() -> store.tokenizer(shapes, otherSample))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(otherFile.toString()).hasMessageContaining("was fitted for")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x10;
        Files.write(file, flipped);
        assertThatThrownBy(() -> store.tokenizer(shapes, SHAPES_SPEC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("corrupt")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        Files.write(file, Arrays.copyOf(good, 10));
        assertThatThrownBy(() -> store.tokenizer(shapes, SHAPES_SPEC))
                .hasMessageContaining(file.toString()).hasMessageContaining("corrupt");
        assertThat(Files.readAllBytes(file)).hasSize(10);                  // nothing overwritten behind the user's back
    }
}
