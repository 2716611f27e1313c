package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.acdit4j.framework.dsl.ConfigurationLabels;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.tokenar.TokenAr;
import org.junit.jupiter.api.Test;

/** Where {@link Acdit#AR_LENGTH} places a configuration: tokens / block size, from the run's own data and patch. */
class ArLengthTest {

    /** 16×16 images, patch 4 (16 tokens) and patch 8 (4 tokens), and a discrete-token AR case without a block size. */
    private static final ExperimentDefinition IMAGES = Experiment.define("images", e -> e
            .data(d -> d.name("synthetic-shapes").size(16))
            .model(Acdit.TYPE, m -> m.width(16).depth(1).heads(2).patch(4).blockSize(4))
            .sweep(s -> s.cases(c -> c.model(Acdit.TYPE, m -> m.patch(4).blockSize(16)),
                    c -> c.model(Acdit.TYPE, m -> m.patch(4).blockSize(1)),
                    c -> c.model(Acdit.TYPE, m -> m.patch(8).blockSize(1)),
                    c -> c.named("discrete-token AR").model(TokenAr.TYPE, m -> m.width(16).depth(1).heads(2).patch(4))))
            .report(r -> r.axis(Acdit.AR_LENGTH)));

    /** 8-frame clips of 16×16 frames at patch 4: 128 tokens. */
    private static final ExperimentDefinition CLIPS = Experiment.define("clips", e -> e
            .data(d -> d.name("moving-mnist").size(16).frames(8))
            .model(Acdit.TYPE, m -> m.width(16).depth(1).heads(2).patch(4).blockSize(16))
            .sweep(s -> s.grid("model.blockSize", 16, 128)));

    @Test
    void theAxisIsTheBlockSizeTitledArLength() {
        assertThat(Acdit.AR_LENGTH.key()).isEqualTo("model.blockSize");
        assertThat(Acdit.AR_LENGTH.title()).isEqualTo("AR length");
        assertThat(IMAGES.spec(null, List.of()).report().axis("model.blockSize")).contains(Acdit.AR_LENGTH);
    }

    @Test
    void eachConfigurationStandsAtItsTokensOverItsBlockSize() {
        ConfigurationLabels images = IMAGES.labels(null, List.of());
        assertThat(images.position(Acdit.AR_LENGTH, Map.of("model.patch", "4", "model.blockSize", "16")))
                .isEqualTo(OptionalDouble.of(1));
        assertThat(images.position(Acdit.AR_LENGTH, Map.of("model.patch", "4", "model.blockSize", "1")))
                .isEqualTo(OptionalDouble.of(16));
        assertThat(images.position(Acdit.AR_LENGTH, Map.of("model.patch", "8", "model.blockSize", "1")))
                .isEqualTo(OptionalDouble.of(4));
        ConfigurationLabels clips = CLIPS.labels(null, List.of());
        assertThat(clips.position(Acdit.AR_LENGTH, Map.of("model.blockSize", "16"))).isEqualTo(OptionalDouble.of(8));
        assertThat(clips.position(Acdit.AR_LENGTH, Map.of("model.blockSize", "128"))).isEqualTo(OptionalDouble.of(1));
    }

    @Test
    void anotherPluginsConfigurationHasNoPlaceOnIt() {
        assertThat(ArLength.of(IMAGES.spec(null, List.of(), Map.of("model.name", "token-ar", "model.patch", "4"))))
                .isEmpty();
    }
}
