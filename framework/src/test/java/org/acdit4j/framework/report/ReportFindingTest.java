package org.acdit4j.framework.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.HeadlineSpec;
import org.acdit4j.framework.spec.MetricDirection;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;

/** The two opening sentences, computed from a small summary. */
class ReportFindingTest {

    private static final HeadlineSpec AGREEMENT = new HeadlineSpec("class-agreement/cfg1.5", MetricDirection.HIGHER_IS_BETTER);

    @Test
    void namesTheBestConfigurationAtEqualStepsAndInEachEqualComputeGroupWithTheRunnerUp() {
        Map<String, List<Double>> atSteps = new LinkedHashMap<>();
        atSteps.put("DiT (AR length 1)", List.of(0.50, 0.52, 0.54));
        atSteps.put("AR length 4 (block 4)", List.of(0.60, 0.70, 0.80));
        atSteps.put("token-wise AR (AR length 16)", List.of(0.40, 0.41, 0.42));
        Map<String, List<Double>> patch4 = new LinkedHashMap<>();
        patch4.put("DiT (AR length 1)", List.of(0.40, 0.40, 0.40));
        patch4.put("AR length 4 (block 4)", List.of(0.20, 0.20, 0.20));
        patch4.put("token-wise AR (AR length 16)", List.of());
        Map<String, EqualCompute.Comparison> atCompute = new LinkedHashMap<>();
        atCompute.put(" within patch 4 (16 tokens)", new EqualCompute.Comparison(2.58e12, patch4));
        atCompute.put(" within patch 8 (4 tokens)", new EqualCompute.Comparison(2.75e12,
                Map.of("DiT (AR length 1), patch 8", List.of(0.8))));

        String finding = ReportFinding.render(AGREEMENT, atSteps, atCompute, runs("standard", 3000, 3000));

        // AR length 4: mean 0.7, sd 0.1, t(0.975, 2) 4.303 · 0.1 / √3 = 0.2484; DiT: 0.52 ± 0.04968, so they overlap
        assertThat(finding).isEqualTo("**Finding** (class-agreement/cfg1.5, higher is better; 3 seeds): at equal "
                + "training steps (3,000), **AR length 4 (block 4)** is best with 0.7000 ± 0.2484, ahead of DiT (AR length 1) "
                + "(0.5200 ± 0.04968), whose 95% interval overlaps. At equal training compute, within patch 4 (16 tokens) "
                + "at 2.58 TFLOP of training, **DiT (AR length 1)** is best with 0.4000 ± 0.0, ahead of AR length 4 "
                + "(block 4) (0.2000 ± 0.0); within patch 8 (4 tokens) at 2.75 TFLOP of training, **DiT (AR length 1), "
                + "patch 8** is best with 0.8000, the only configuration with a value.");
    }

    @Test
    void oneSeedOrAnotherPresetIsPreliminaryAndLowerIsBetterPicksTheSmallest() {
        HeadlineSpec fid = new HeadlineSpec("fid/cfg1.5", MetricDirection.LOWER_IS_BETTER);
        Map<String, List<Double>> atSteps = new LinkedHashMap<>();
        atSteps.put("DiT (AR length 1)", List.of(300.0));
        atSteps.put("AR length 4 (block 4)", List.of(250.0));
        atSteps.put("token-wise AR (AR length 16)", List.of(280.0));

        String finding = ReportFinding.render(fid, atSteps, Map.of(), runs("quick", 600, 600));

        assertThat(finding).startsWith("**Finding** (fid/cfg1.5, lower is better; preset quick, one seed, preliminary): "
                        + "at equal training steps (600), **AR length 4 (block 4)** is best with 250.0, ahead of token-wise "
                        + "AR (AR length 16) (280.0).")
                .endsWith(" There is no comparison at equal training compute: fid/cfg1.5 is not followed over training "
                        + "(report.progress).");
        assertThat(ReportFinding.render(fid, atSteps, Map.of("", new EqualCompute.Comparison(1.84e13, atSteps)),
                runs("standard", 600, 600))).endsWith("At equal training compute (18.4 TFLOP of training), **AR length 4 "
                + "(block 4)** is best with 250.0, ahead of token-wise AR (AR length 16) (280.0).");
        assertThat(ReportFinding.render(fid, atSteps, Map.of(), runs("", 2000, 4000)))
                .startsWith("**Finding** (fid/cfg1.5, lower is better; one seed, preliminary): after each "
                        + "configuration's own steps (2,000 to 4,000), **AR length 4 (block 4)**");
        assertThat(ReportFinding.render(fid, Map.of("DiT (AR length 1)", List.of()), Map.of(), runs("", 10, 10)))
                .isEqualTo("No finished run has fid/cfg1.5 yet, so there is no finding.");
    }

    private static List<RunRecord> runs(String preset, long steps, long otherSteps) {
        return List.of(run(0, preset, steps), run(1, preset, otherSteps));
    }

    private static RunRecord run(int index, String preset, long steps) {
        return RunRecord.builder().experiment("finding-test").run("run" + index).index(index).preset(preset)
                .status(RunStatus.FINISHED).started("t0").heartbeat("t1").ended("t2").step(steps).steps(steps)
                .lastLoss(0.5).build();
    }
}
