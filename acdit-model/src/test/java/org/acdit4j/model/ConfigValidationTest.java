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

    @Test
    void headsNotDividingWidthNamesTheKeyAndAllowedValues() {
        AcditSpec spec = new AcditSpec(32, 2, 3, 2, 4, BlockShape.SQUARE, RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1,
                4, DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
        assertThatThrownBy(() -> config(spec, TinyModels.GRID_8))
                .hasMessageContaining("model.heads=3").hasMessageContaining("[1, 2, 4, 8, 16, 32]")
                .hasMessageNotContaining("\n");
    }

    @Test
    void headDimNotSplittableAcrossRopeAxesNamesTheKey() {
        AcditSpec spec = new AcditSpec(24, 2, 4, 2, 4, BlockShape.SQUARE, RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1,
                4, DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
        assertThatThrownBy(() -> config(spec, TinyModels.GRID_8))
                .hasMessageContaining("model.rope=multi-axis").hasMessageContaining("head dim (6")
                .hasMessageContaining("[1, 2, 3, 6]").hasMessageNotContaining("\n");
        AcditSpec oneD = new AcditSpec(24, 2, 4, 2, 4, BlockShape.SQUARE, RopeMode.ONE_D, ContextMode.CLEAN, 0.1, 4,
                DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
        assertThat(config(oneD, TinyModels.GRID_8).headDim()).isEqualTo(6);
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
        AcditSpec noRope = new AcditSpec(32, 2, 2, 2, 4, BlockShape.SQUARE, null, ContextMode.CLEAN, 0.1, 4,
                DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
        assertThatThrownBy(() -> config(noRope, TinyModels.GRID_8))
                .hasMessage("model.rope must be one of multi-axis, 1d, none");
    }

    @Test
    void patchNotDividingTheImageNamesTheKey() {
        AcditSpec spec = new AcditSpec(32, 2, 2, 3, 4, BlockShape.SQUARE, RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1,
                4, DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
        assertThatThrownBy(() -> config(spec, TinyModels.GRID_8)).hasMessageContaining("model.patch=3")
                .hasMessageContaining("[1, 2, 4, 8]");
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
