package org.acdit4j.model.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Skip-Causal Attention Mask against matrices written out by hand from the paper (PAPER.md, "SCAM"): clean
 * block i attends clean blocks j ≤ i; noised block i attends clean blocks j < i and its own noised block; all
 * tokens of an allowed block pair see each other.
 *
 * <p>Every matrix lists the training sequence {@code [clean 0..N-2] ++ [noised 0..N-1]} of L tokens in blocks
 * of B (N = L/B blocks, (2N-1)·B positions; the last clean block is left out) in the same order along both
 * axes: row = query, column = key, 1 = the query attends the key. {@code cK}/{@code nK} label the tokens of
 * clean/noised block K. The noisy-context ablation has no mask of its own: it changes what the context copies
 * hold, not who attends whom.
 */
class SkipCausalMaskTest {

    /** L = 4, B = 2: one clean block, two noised blocks. */
    private static final int[][] FOUR_TOKENS_BLOCK_2 = {
            //c0 c0 n0 n0 n1 n1
            {1, 1, 0, 0, 0, 0}, // c0
            {1, 1, 0, 0, 0, 0}, // c0
            {0, 0, 1, 1, 0, 0}, // n0
            {0, 0, 1, 1, 0, 0}, // n0
            {1, 1, 0, 0, 1, 1}, // n1
            {1, 1, 0, 0, 1, 1}, // n1
    };

    /** L = 4, B = 1: token-wise autoregression. */
    private static final int[][] FOUR_TOKENS_BLOCK_1 = {
            //c0 c1 c2 n0 n1 n2 n3
            {1, 0, 0, 0, 0, 0, 0}, // c0
            {1, 1, 0, 0, 0, 0, 0}, // c1
            {1, 1, 1, 0, 0, 0, 0}, // c2
            {0, 0, 0, 1, 0, 0, 0}, // n0
            {1, 0, 0, 0, 1, 0, 0}, // n1
            {1, 1, 0, 0, 0, 1, 0}, // n2
            {1, 1, 1, 0, 0, 0, 1}, // n3
    };

    /** L = 6, B = 3: one clean block of three tokens, two noised blocks. */
    private static final int[][] SIX_TOKENS_BLOCK_3 = {
            //c0 c0 c0 n0 n0 n0 n1 n1 n1
            {1, 1, 1, 0, 0, 0, 0, 0, 0}, // c0
            {1, 1, 1, 0, 0, 0, 0, 0, 0}, // c0
            {1, 1, 1, 0, 0, 0, 0, 0, 0}, // c0
            {0, 0, 0, 1, 1, 1, 0, 0, 0}, // n0
            {0, 0, 0, 1, 1, 1, 0, 0, 0}, // n0
            {0, 0, 0, 1, 1, 1, 0, 0, 0}, // n0
            {1, 1, 1, 0, 0, 0, 1, 1, 1}, // n1
            {1, 1, 1, 0, 0, 0, 1, 1, 1}, // n1
            {1, 1, 1, 0, 0, 0, 1, 1, 1}, // n1
    };

    /** L = 6, B = 2: two clean blocks, so the clean part is block-causal, and three noised blocks. */
    private static final int[][] SIX_TOKENS_BLOCK_2 = {
            //c0 c0 c1 c1 n0 n0 n1 n1 n2 n2
            {1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, // c0
            {1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, // c0
            {1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, // c1
            {1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, // c1
            {0, 0, 0, 0, 1, 1, 0, 0, 0, 0}, // n0
            {0, 0, 0, 0, 1, 1, 0, 0, 0, 0}, // n0
            {1, 1, 0, 0, 0, 0, 1, 1, 0, 0}, // n1
            {1, 1, 0, 0, 0, 0, 1, 1, 0, 0}, // n1
            {1, 1, 1, 1, 0, 0, 0, 0, 1, 1}, // n2
            {1, 1, 1, 1, 0, 0, 0, 0, 1, 1}, // n2
    };

    /** L = 3, B = 3: a single block has no clean part and attends itself fully (plain DiT). */
    private static final int[][] THREE_TOKENS_BLOCK_3 = {
            //n0 n0 n0
            {1, 1, 1}, // n0
            {1, 1, 1}, // n0
            {1, 1, 1}, // n0
    };

    static Stream<Arguments> handWrittenMasks() {
        return Stream.of(
                Arguments.of(4, 2, FOUR_TOKENS_BLOCK_2),
                Arguments.of(4, 1, FOUR_TOKENS_BLOCK_1),
                Arguments.of(6, 3, SIX_TOKENS_BLOCK_3),
                Arguments.of(6, 2, SIX_TOKENS_BLOCK_2),
                Arguments.of(3, 3, THREE_TOKENS_BLOCK_3));
    }

    @ParameterizedTest(name = "L={0}, B={1}")
    @MethodSource("handWrittenMasks")
    void theFullMaskIsThePapersMask(int tokens, int blockSize, int[][] attends) {
        SkipCausalMask mask = new SkipCausalMask(tokens / blockSize, blockSize);

        assertThat(mask.sequenceLength()).isEqualTo(attends.length);
        assertThat(mask.full()).isDeepEqualTo(additive(attends));
    }

    @ParameterizedTest(name = "L={0}, B={1}")
    @MethodSource("handWrittenMasks")
    void theTrainingGraphsTwoWindowsAreItsCleanAndNoisedRows(int tokens, int blockSize, int[][] attends) {
        SkipCausalMask mask = new SkipCausalMask(tokens / blockSize, blockSize);
        int clean = tokens - blockSize;

        assertThat(mask.cleanTokens()).isEqualTo(clean);
        assertThat(mask.cleanToClean()).isDeepEqualTo(additive(window(attends, 0, clean, clean)));
        assertThat(mask.noisedToAll()).isDeepEqualTo(additive(window(attends, clean, attends.length, attends.length)));
    }

    @Test
    void theCleanPassIsBlockCausal() {
        int[][] fourTokensBlock2 = {
                //c0 c0 c1 c1
                {1, 1, 0, 0}, // c0
                {1, 1, 0, 0}, // c0
                {1, 1, 1, 1}, // c1
                {1, 1, 1, 1}, // c1
        };

        assertThat(SkipCausalMask.blockCausal(4, 2)).isDeepEqualTo(additive(fourTokensBlock2));
    }

    /** The additive form the graphs add to the logits: 0 where the query attends the key, BLOCKED elsewhere. */
    private static double[][] additive(int[][] attends) {
        return Arrays.stream(attends)
                .map(row -> Arrays.stream(row).mapToDouble(seen -> seen == 1 ? 0.0 : SkipCausalMask.BLOCKED).toArray())
                .toArray(double[][]::new);
    }

    /** Rows {@code fromRow} (inclusive) to {@code toRow} (exclusive) and the first {@code columns} columns. */
    private static int[][] window(int[][] matrix, int fromRow, int toRow, int columns) {
        return Arrays.stream(matrix, fromRow, toRow).map(row -> Arrays.copyOf(row, columns)).toArray(int[][]::new);
    }
}
