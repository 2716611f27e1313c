package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.model.core.layout.BlockShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/** What the factory declares before a model exists is what the created model's accessors offer. */
class CapabilitiesTest {

    private static final Set<ModelCapability> ALWAYS = EnumSet.of(ModelCapability.SAMPLING, ModelCapability.FEATURES,
            ModelCapability.FINE_TUNING);

    static Stream<Arguments> configurations() {
        Set<ModelCapability> rollingOut = EnumSet.copyOf(ALWAYS);
        rollingOut.add(ModelCapability.FRAME_ROLLOUT);
        return Stream.of(
                Arguments.of("image", TinyModels.GRID_8, 4, ALWAYS),
                Arguments.of("clip, a frame per block", TinyModels.CLIP_4, 4, rollingOut),
                Arguments.of("clip, one block (a video DiT)", TinyModels.CLIP_4, 16, ALWAYS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void theModelOffersWhatItsFactoryDeclares(String what, Geometry geometry, int blockSize,
                                             Set<ModelCapability> declared) {
        AcditSpec spec = TinyModels.spec(geometry, blockSize, BlockShape.SQUARE);
        assertThat(new AcditModelFactory().capabilities(spec, geometry)).isEqualTo(declared);
        AcditModel model = TinyModels.model(spec, TinyModels.train(), geometry, 1, DataType.FLOAT);
        assertThat(model.fineTuning()).containsSame(model);
        assertThat(model.frameRollout().isPresent()).isEqualTo(declared.contains(ModelCapability.FRAME_ROLLOUT));
        assertThat(model.lossyReconstruction()).isEmpty();
        assertThat(model.discreteCodes()).isEmpty();
    }

    @Test
    void offeringNeedsTheCapabilityInTheDeclaration() {
        assertThat(ModelCapability.FRAME_ROLLOUT.offer(ALWAYS, "rollout")).isEmpty();
        assertThat(ModelCapability.FINE_TUNING.offer(ALWAYS, "classifier")).contains("classifier");
    }
}
