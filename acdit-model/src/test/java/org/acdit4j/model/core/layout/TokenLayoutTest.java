package org.acdit4j.model.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.acdit4j.framework.data.Geometry;
import org.junit.jupiter.api.Test;

class TokenLayoutTest {

    @Test
    void squareBlocksAreRasterOfBlocksThenRasterInside() {
        TokenLayout layout = TokenLayout.of(Geometry.image(1, 8, 8, 2), 2, 4, BlockShape.SQUARE);
        // 4×4 token grid, 2×2 blocks: block 0 = tokens (0,0) (0,1) (1,0) (1,1); block 1 starts at (0,2)
        assertThat(new int[] {layout.rasterIndex(0), layout.rasterIndex(1), layout.rasterIndex(2), layout.rasterIndex(3),
                layout.rasterIndex(4), layout.rasterIndex(8)}).containsExactly(0, 1, 4, 5, 2, 8);
        assertThat(layout.position(0, 6)).isEqualTo(1);   // row of raster 6
        assertThat(layout.position(1, 6)).isEqualTo(2);   // column of raster 6
        assertThat(layout.blocks()).isEqualTo(4);
        assertThat(layout.tokenSize()).isEqualTo(4);
    }

    @Test
    void rowBlocksKeepRasterOrder() {
        TokenLayout layout = TokenLayout.of(Geometry.image(1, 8, 8, 2), 2, 8, BlockShape.ROWS);
        for (int s = 0; s < layout.tokens(); s++) {
            assertThat(layout.rasterIndex(s)).isEqualTo(s);
        }
        assertThat(layout.blocks()).isEqualTo(2);
    }

    @Test
    void patchifyGroupsChannelsAndPixelsAndRoundTrips() {
        Geometry g = Geometry.image(2, 4, 4, 2);
        TokenLayout layout = TokenLayout.of(g, 2, 1, BlockShape.SQUARE);
        float[] px = new float[2 * g.valuesPerExample()];
        for (int i = 0; i < px.length; i++) {
            px[i] = i;
        }
        float[] tokens = layout.patchify(px, 2);
        // token 0 of image 0: channel 0 pixels (0,0) (0,1) (1,0) (1,1), then channel 1 at offset 16
        assertThat(java.util.Arrays.copyOf(tokens, 8)).containsExactly(0, 1, 4, 5, 16, 17, 20, 21);
        assertThat(layout.unpatchify(tokens, 2)).containsExactly(px);
    }

    @Test
    void videoHasThreeAxesAndFrameBlocks() {
        TokenLayout layout = TokenLayout.of(new Geometry(1, 4, 4, 3, 2), 2, 4, BlockShape.SQUARE);
        assertThat(layout.axes()).isEqualTo(3);
        assertThat(layout.blocks()).isEqualTo(3);
        assertThat(layout.position(0, 5)).isEqualTo(1);   // frame of sequence token 5
    }
}
