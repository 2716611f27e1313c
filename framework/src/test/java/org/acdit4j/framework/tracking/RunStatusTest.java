package org.acdit4j.framework.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void aPlannedRunIsMlflowsScheduledRunByNameAndByCode() {
        assertThat(RunStatus.PLANNED.mlflowName()).isEqualTo("SCHEDULED");
        assertThat(RunStatus.fromMlflowName("SCHEDULED")).isEqualTo(RunStatus.PLANNED);
        assertThat(RunStatus.fromMlflowCode(2)).isEqualTo(RunStatus.PLANNED);
    }

    @Test
    void everyStatusReadsBackFromItsMlflowNameAndCode() {
        for (RunStatus status : RunStatus.values()) {
            assertThat(RunStatus.fromMlflowName(status.mlflowName())).isEqualTo(status);
            assertThat(RunStatus.fromMlflowCode(status.mlflowCode())).isEqualTo(status);
        }
    }

    @Test
    void anUnknownMlflowNameNamesTheAllowedOnes() {
        assertThatThrownBy(() -> RunStatus.fromMlflowName("PLANNED"))
                .hasMessageContaining("'PLANNED'").hasMessageContaining("SCHEDULED");
    }
}
