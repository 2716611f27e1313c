package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.acdit4j.framework.data.Geometry;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.core.layout.TokenLayout;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.LossWeighting;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ConfigValidationTest {

    private static AcditConfig config(AcditSpec spec, Geometry g) {
        return AcditConfig.of(spec, TinyModels.train(), g, DataType.FLOAT);
    }

    /** Depth 2, square blocks of 4 tokens, clean context, like {@link TinyModels#spec}, with these settings. */
    private static AcditSpec spec(int width, int heads, int patch, RopeMode rope) {
        return new AcditSpec(width, 2, heads, patch, 4, BlockShape.SQUARE, rope, ContextMode.CLEAN, 0.1, 4,
                DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
    }

    @Test
    void headsNotDividingWidthNamesTheKeyAndAllowedValues() {
        assertThatThrownBy(() -> config(spec(32, 3, 2, RopeMode.MULTI_AXIS), TinyModels.GRID_8))
                .hasMessageContaining("model.heads=3").hasMessageContaining("[1, 2, 4, 8, 16, 32]")
                .hasMessageNotContaining("\n");
    }

    @Test
    void headDimNotSplittableAcrossRopeAxesNamesTheKey() {
        assertThatThrownBy(() -> config(spec(24, 4, 2, RopeMode.MULTI_AXIS), TinyModels.GRID_8))
                .hasMessageContaining("model.rope=multi-axis").hasMessageContaining("head dim (6")
                .hasMessageContaining("[1, 2, 3, 6]").hasMessageNotContaining("\n");
        assertThat(config(spec(24, 4, 2, RopeMode.ONE_D), TinyModels.GRID_8).headDim()).isEqualTo(6);
    }

    @Test
    void aWidthNoHeadCountFitsAsksForAnotherWidth() {
        assertThatThrownBy(() -> config(spec(10, 2, 2, RopeMode.MULTI_AXIS), TinyModels.GRID_8))
                .hasMessageContaining("model.rope=multi-axis")
                .hasMessageContaining("no model.heads fits model.width 10, so choose a model.width divisible by 4")
                .hasMessageNotContaining("[]");
    }

    @Test
    void blockSizeNotTilingListsTheValidSizes() {
        assertThatThrownBy(() -> config(TinyModels.spec(3, BlockShape.SQUARE), TinyModels.GRID_8))
                .hasMessageContaining("model.blockSize=3").hasMessageContaining("allowed: [1, 4, 16]")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> config(TinyModels.spec(2, BlockShape.ROWS), TinyModels.GRID_8))
                .hasMessageContaining("model.blockSize=2").hasMessageContaining("allowed: [4, 8, 16]");
    }

    /** Modes are constants, so only a spec built outside a definition can lack one. */
    @Test
    void aMissingModeNamesTheKeyAndItsTexts() {
        assertThatThrownBy(() -> config(TinyModels.spec(4, null), TinyModels.GRID_8))
                .hasMessage("model.blockShape must be one of square, rows");
        assertThatThrownBy(() -> config(spec(32, 2, 2, null), TinyModels.GRID_8))
                .hasMessage("model.rope must be one of multi-axis, 1d, none");
    }

    @Test
    void patchNotDividingTheImageNamesTheKey() {
        assertThatThrownBy(() -> config(spec(32, 2, 3, RopeMode.MULTI_AXIS), TinyModels.GRID_8))
                .hasMessageContaining("model.patch=3").hasMessageContaining("[1, 2, 4, 8]");
    }

    @Test
    void validBlockSizesRangeFromOneTokenToAllTokens() {
        Geometry g = Geometry.image(1, 32, 32, 10);
        assertThat(TokenLayout.validBlockSizes(g, 4, BlockShape.SQUARE)).containsExactly(1, 4, 16, 64);
        assertThat(TokenLayout.validBlockSizes(g, 4, BlockShape.ROWS)).containsExactly(8, 16, 32, 64);
        Geometry video = new Geometry(1, 8, 8, 4, 2);
        assertThat(TokenLayout.validBlockSizes(video, 4, BlockShape.SQUARE)).containsExactly(1, 4, 8, 16);
    }
}
