package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReusableTrainingTest {

    @Test
    void theIdentityIsWhatIsTrainedNotHowTheStepIsSplit() {
        Map<String, String> whole = Map.of("data.name", "mnist", "model.name", "acdit", "train.lr", "0.008",
                "sample.guidance", "1.5");
        Map<String, String> split = Map.of("data.name", "mnist", "model.name", "acdit", "train.lr", "0.008",
                "train.microBatches", "2", "sample.guidance", "1.5");
        assertThat(ReusableTraining.identity(split, 0)).isEqualTo(ReusableTraining.identity(whole, 0))
                .containsOnlyKeys("data.name", "model.name", "train.lr", "seed");
        assertThat(ReusableTraining.identity(whole, 1)).isNotEqualTo(ReusableTraining.identity(whole, 0));
        assertThat(ReusableTraining.identity(Map.of("data.name", "mnist", "model.name", "acdit", "train.lr", "0.002"), 0))
                .isNotEqualTo(ReusableTraining.identity(whole, 0));
    }
}
