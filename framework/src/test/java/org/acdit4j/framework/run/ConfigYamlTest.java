package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigYamlTest {

    @Test
    void everyValueComesBackAsTheTextItWas() {
        Map<String, String> values = Map.of("data.source", "", "sweep.seeds", "0,1,2", "train.lr", "1.0E-4",
                "model.name", "acdit", "train.steps", "010", "track.experimentName", "it's: a [name]",
                "report.metrics", "fid/cfg1.5,class-agreement/cfg1.5", "sample.solver", "dpm-solver++",
                "sample.kvCache", "true", "data.name", "null");

        String yaml = ConfigYaml.render(values);

        assertThat(ConfigYaml.parse(yaml)).isEqualTo(values);
        assertThat(yaml).contains("train:\n  lr: 1.0E-4\n  steps: '010'\n").contains("model:\n  name: acdit\n");
    }

    @Test
    void aDocumentThatIsNotSectionsOfPairsIsRefusedInOneLine() {
        assertThatThrownBy(() -> ConfigYaml.parse("- a\n- b\n"))
                .hasMessage("not a configuration document: expected sections of key: value pairs");
        assertThatThrownBy(() -> ConfigYaml.parse("model: acdit\n"))
                .hasMessage("not a configuration document: section 'model' holds no key: value pairs");
        assertThatThrownBy(() -> ConfigYaml.parse("model:\n  width: [1,\n")).hasMessageStartingWith("not a configuration document: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> ConfigYaml.render(Map.of("width", "1"))).hasMessageContaining("'width' has no section");
    }
}
