package org.acdit4j.model.tokenar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.model.SectionKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token-AR plugin's {@code model.*} and {@code sample.*} keys: defaults, overrides, validation, the data it captures. */
class TokenArSectionTest {

    private static final ExperimentDefinition EXPERIMENT = Experiment.define("token-ar-keys", e -> e
            .data(d -> d.name("synthetic-shapes").size(16))
            .model(TokenAr.TYPE, m -> m.width(64).depth(2).heads(4).patch(4).codes(128)));

    private static final SectionKeys KEYS = new SectionKeys(EXPERIMENT);

    @Test
    void defaultsOverridesAndTheCapturedDataSection() {
        assertThat(KEYS.spec().model().name()).isEqualTo("token-ar");
        assertThat(KEYS.spec().model().config()).isEqualTo(new TokenArSpec(64, 2, 4, 4, 128, 1, 65_536, 0.1, 4,
                DataSpec.of("synthetic-shapes", 16)));
        TokenArSpec changed = (TokenArSpec) KEYS.spec("model.codes=256", "data.size=32").model().config();
        assertThat(changed.codes()).isEqualTo(256);
        assertThat(changed.data().size()).isEqualTo(32);
        assertThat(KEYS.spec().sample().sampler()).isEqualTo(new TokenSampling(0.7, 0));
        assertThat(KEYS.spec("sample.temperature=0.8", "sample.topK=50").sample().sampler())
                .isEqualTo(new TokenSampling(0.8, 50));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            model.width=-4 | model.width: must be positive, got -4
            model.depth=0 | model.depth: must be positive, got 0
            model.heads=3 | model.heads: must divide model.width (64), got 3
            model.heads=32 | model.heads: must leave a head dim (model.width/model.heads) divisible by 4 for the 2-axis RoPE, got 2
            model.patch=3 | model.patch: must divide data.size (16), got 3
            model.codes=1 | model.codes: must be between 2 and 65536, got 1
            model.codebookPatches=100 | model.codebookPatches: must be at least model.codes (128), got 100
            model.labelDropout=1 | model.labelDropout: must be in [0, 1), got 1.0
            model.mlpRatio=0 | model.mlpRatio: must be at least 1, got 0
            sample.temperature=0 | sample.temperature: must be in (0, 10], got 0.0
            sample.topK=-1 | sample.topK: must be 0 (all codes) or positive, got -1
            """)
    void everyValidationError(String override, String problem) {
        KEYS.assertProblem(override, problem);
    }

    @Test
    void anotherPluginsKeyIsUnknown() {
        assertThatThrownBy(() -> KEYS.spec("model.blockSize=4")).isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).singleElement().asString()
                        .startsWith("model.blockSize: unknown key").contains("model.codes").doesNotContain("\n"));
    }

    @Test
    void theFactoryRefusesClipsAndOffersSamplesAndFeatures() {
        TokenArModelFactory factory = new TokenArModelFactory(Map::of, () -> null);
        Problems problems = new Problems();
        factory.validate(KEYS.spec().model().config(), new Geometry(1, 16, 16, 4, 10), problems);
        assertThat(problems.messages()).containsExactly(
                "data.frames: the token-ar model generates still images only, got 4x1x16x16, 10 classes");
        assertThat(factory.capabilities(KEYS.spec().model().config(), null)).containsExactlyInAnyOrder(
                ModelCapability.SAMPLING, ModelCapability.FEATURES);
    }
}
