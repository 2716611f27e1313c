package org.acdit4j.framework.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.EvaluationProgress;
import org.junit.jupiter.api.Test;

class EqualComputeTest {

    private static EvaluationProgress.Point point(long step, double flops, double value) {
        return new EvaluationProgress.Point(step, step * 64.0, flops, "class-agreement/cfg1.5", value);
    }

    @Test
    void everyRunIsReadAtTheSmallestFinalComputeByLinearInterpolation() {
        List<EvaluationProgress.Point> cheap = List.of(point(100, 1e12, 0.2), point(200, 2e12, 0.4), point(300, 3e12, 0.5));
        List<EvaluationProgress.Point> cheapOtherSeed = List.of(point(100, 1e12, 0.1), point(300, 3e12, 0.7));
        List<EvaluationProgress.Point> costly = List.of(point(100, 1.5e12, 0.3), point(200, 2.5e12, 0.6));

        EqualCompute.Comparison comparison = EqualCompute.at(Map.of("block=1", List.of(costly),
                "block=16", List.of(cheap, cheapOtherSeed)));

        assertThat(comparison.budgetFlops()).isEqualTo(2.5e12);
        assertThat(comparison.byConfiguration().get("block=1")).containsExactly(0.6);
        assertThat(comparison.byConfiguration().get("block=16").get(0)).isCloseTo(0.45, within(1e-12));
        assertThat(comparison.byConfiguration().get("block=16").get(1)).isCloseTo(0.1 + 0.75 * 0.6, within(1e-12));
    }

    @Test
    void aRunFirstEvaluatedAboveTheBudgetHasNoValue() {
        List<EvaluationProgress.Point> late = List.of(point(500, 5e12, 0.9));
        List<EvaluationProgress.Point> early = List.of(point(100, 1e12, 0.2));

        EqualCompute.Comparison comparison = EqualCompute.at(Map.of("a", List.of(late), "b", List.of(early)));

        assertThat(comparison.budgetFlops()).isEqualTo(1e12);
        assertThat(comparison.byConfiguration().get("a")).isEmpty();
        assertThat(comparison.byConfiguration().get("b")).containsExactly(0.2);
        assertThat(EqualCompute.at(Map.of("a", List.of(List.of())))).isNull();
    }
}
