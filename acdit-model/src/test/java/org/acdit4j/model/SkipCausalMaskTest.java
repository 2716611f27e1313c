package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.model.graph.SkipCausalMask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkipCausalMaskTest {

    @ParameterizedTest(name = "N={0}, B={1}")
    @CsvSource({"1,4", "1,1", "2,3", "3,2", "4,1", "5,4"})
    void everyEntryFollowsTheRule(int blocks, int blockSize) {
        SkipCausalMask mask = new SkipCausalMask(blocks, blockSize);
        double[][] m = mask.full();
        int clean = (blocks - 1) * blockSize;
        assertThat(m).hasNumberOfRows((2 * blocks - 1) * blockSize);
        for (int q = 0; q < m.length; q++) {
            for (int k = 0; k < m.length; k++) {
                boolean qClean = q < clean;
                boolean kClean = k < clean;
                int qi = (qClean ? q : q - clean) / blockSize;
                int kj = (kClean ? k : k - clean) / blockSize;
                boolean allowed = (qClean && kClean && kj <= qi)
                        || (!qClean && kClean && kj < qi)
                        || (!qClean && !kClean && kj == qi);
                assertThat(m[q][k]).as("q=%d k=%d", q, k).isEqualTo(allowed ? 0.0 : SkipCausalMask.BLOCKED);
            }
        }
        double[][] cc = mask.cleanToClean();
        double[][] na = mask.noisedToAll();
        for (int q = 0; q < m.length; q++) {
            for (int k = 0; k < m.length; k++) {
                if (q < clean && k < clean) {
                    assertThat(cc[q][k]).isEqualTo(m[q][k]);
                }
                if (q >= clean) {
                    assertThat(na[q - clean][k]).isEqualTo(m[q][k]);
                }
            }
        }
    }

    @ParameterizedTest(name = "B={0}")
    @CsvSource({"1", "4", "16"})
    void oneBlockIsAllVisible(int blockSize) {
        double[][] m = new SkipCausalMask(1, blockSize).full();
        assertThat(m).hasNumberOfRows(blockSize);
        for (double[] row : m) {
            assertThat(row).containsOnly(0.0);
        }
    }
}
