package org.acdit4j.model.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemorySoakTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aResidentSetGrowingTwoMegabytesPerStepHasASlopeOf2000MbPerThousandSteps() {
        MemorySoak.RssTrend trend = new MemorySoak.RssTrend(1);
        for (int step = 1; step <= 100; step++) {
            trend.add(step, 800 * MB + 2 * MB * step);
        }

        assertThat(trend.mbPerThousandSteps()).isCloseTo(2000, within(1e-6));
        assertThat(trend.samples()).isEqualTo(100);
    }

    @Test
    void stepsBeforeTheSlopesStartDoNotEnterIt() {
        MemorySoak.RssTrend trend = new MemorySoak.RssTrend(500);
        for (int step = 1; step < 500; step++) {
            trend.add(step, 100 * MB + 10 * MB * step);
        }
        for (int step = 500; step <= 1500; step++) {
            trend.add(step, 5_000 * MB);
        }

        assertThat(trend.mbPerThousandSteps()).isCloseTo(0, within(1e-9));
        assertThat(trend.samples()).isEqualTo(1001);
    }

    @Test
    void aFlatResidentSetWithNoiseHasASlopeNearZeroAndALeakStandsOutOfTheSameNoise() {
        MemorySoak.RssTrend flat = new MemorySoak.RssTrend(500);
        MemorySoak.RssTrend leaking = new MemorySoak.RssTrend(500);
        for (int step = 1; step <= 3000; step++) {
            long noise = (step * 7919L % 41 - 20) * MB;
            flat.add(step, 900 * MB + noise);
            leaking.add(step, 900 * MB + noise + 5 * MB * step);
        }

        assertThat(flat.mbPerThousandSteps()).isBetween(-1.0, 1.0);
        assertThat(leaking.mbPerThousandSteps()).isCloseTo(5000, within(1.0));
    }

    @Test
    void theSlopeStartsAt500OrAtHalfAShorterSoak() {
        assertThat(MemorySoak.Plan.defaultSlopeFrom(3000)).isEqualTo(500);
        assertThat(MemorySoak.Plan.defaultSlopeFrom(1000)).isEqualTo(500);
        assertThat(MemorySoak.Plan.defaultSlopeFrom(300)).isEqualTo(150);
        assertThat(MemorySoak.Plan.defaultSlopeFrom(2)).isEqualTo(1);
    }

    @Test
    void aPlanOutsideItsRangesIsAOneLineErrorNamingTheOption() {
        assertThatThrownBy(() -> new MemorySoak.Plan(1, 1, 1))
                .hasMessage("--soak must be at least 2 steps, got 1");
        assertThatThrownBy(() -> new MemorySoak.Plan(300, 0, 150))
                .hasMessage("--soak-every must be between 1 and 300 (the soak's steps), got 0");
        assertThatThrownBy(() -> new MemorySoak.Plan(300, 301, 150))
                .hasMessage("--soak-every must be between 1 and 300 (the soak's steps), got 301");
        assertThatThrownBy(() -> new MemorySoak.Plan(300, 100, 300))
                .hasMessage("--slope-from must be between 1 and 299 (two steps or more enter the slope), got 300");
        assertThat(new MemorySoak.Plan(300, 300, 299).every()).isEqualTo(300);
    }

    @Test
    void reportLinesCarryStepResidentSetPeakHeapAndSecondsPerStep() {
        assertThat(MemorySoak.reportLine(250, 812 * MB, OptionalLong.of(830 * MB), 45 * MB, 0.2314))
                .isEqualTo("    250 |    812.0 |       830.0 |    45.0 |  0.231");
        assertThat(MemorySoak.reportJson(250, 812 * MB, OptionalLong.empty(), 45 * MB, 0.2314))
                .isEqualTo("{\"step\":250,\"rssBytes\":851443712,\"peakRssBytes\":null,\"heapUsedBytes\":47185920,"
                        + "\"secondsPerStep\":0.2314}");
    }
}
