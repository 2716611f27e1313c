package org.acdit4j.framework.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A metric at a guidance scale is named as runs have always logged it, and read back to the metric measured. */
class MetricNameTest {

    private static final MetricName FID = new MetricName("fid");

    @Test
    void atAGuidanceScaleTheNameEndsInTheScaleAsLogged() {
        assertThat(FID.at(1.5).text()).isEqualTo("fid/cfg1.5");
        assertThat(FID.at(1).text()).isEqualTo("fid/cfg1.0");
        assertThat(new MetricName("precision-recall.recall").at(2.5)).hasToString("precision-recall.recall/cfg2.5");
    }

    @Test
    void theMetricMeasuredIsTheNameWithoutItsScale() {
        assertThat(FID.at(1.5).atGuidance()).isTrue();
        assertThat(FID.at(1.5).withoutGuidance()).isEqualTo(FID);
        assertThat(RunMetrics.PARAMETERS.atGuidance()).isFalse();
        assertThat(RunMetrics.PARAMETERS.withoutGuidance()).isEqualTo(RunMetrics.PARAMETERS);
        assertThat(new MetricName("fid/cfg").atGuidance()).isFalse();
    }
}
