package org.acdit4j.framework.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetiredKeysTest {

    private static final Map<String, String> STORED = Map.of("train.lossWeighting", "min-snr", "train.lr", "0.002");

    @Test
    void aRetiredKeyIsReadAsItsSuccessorWhenTheConfigurationHasIt() {
        assertThat(RetiredKeys.readAs(STORED, Set.of("model.lossWeighting", "train.lr")))
                .isEqualTo(Map.of("model.lossWeighting", "min-snr", "train.lr", "0.002"));
    }

    @Test
    void aRetiredKeyIsDroppedWhenTheConfigurationHasNoSuccessor() {
        assertThat(RetiredKeys.readAs(STORED, Set.of("train.lr"))).isEqualTo(Map.of("train.lr", "0.002"));
    }

    @Test
    void keysOfTodayAreReadAsThemselves() {
        Map<String, String> today = Map.of("model.lossWeighting", "uniform", "model.depth", "3");
        assertThat(RetiredKeys.readAs(today, today.keySet())).isEqualTo(today);
    }
}
