package org.acdit4j.framework.report;

import static org.acdit4j.framework.testing.TestMetrics.FID;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.PlotSpec;
import org.acdit4j.framework.spec.SweptKeyAxis;
import org.acdit4j.framework.testing.TestModelConfig;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** A swept key the definition presents on another axis: its title, its positions and ticks that name them. */
class PresentedAxisPlotTest {

    /** 16×16 images at patch 4 are 16 tokens: blocks of 16, 4 and 1 token are 1, 4 and 16 blocks. */
    private static final SweptKeyAxis BLOCKS = new SweptKeyAxis("model.blockSize", "blocks per image",
            spec -> OptionalDouble.of(16.0 / ((TestModelConfig) spec.model().config()).blockSize()));

    private static final ExperimentDefinition BLOCK_SIZES = Experiment.define("axis-test", e -> e
            .data(d -> d.size(16)).model(TestModelType.TYPE, m -> m.patch(4))
            .sweep(s -> s.grid("model.blockSize", 16, 4, 1).grid("model.width", 32, 64).seeds(0, 1))
            .report(r -> r.axis(BLOCKS).plot(FID, "model.blockSize")));

    @TempDir
    Path root;

    @Test
    void thePlotIsDrawnUnderTheAxisTitleAtEachConfigurationsPositionWithTicksNamingThem() throws Exception {
        List<RunRecord> runs = List.of(run("16", "32", 0, 30.0), run("16", "32", 1, 34.0), run("4", "32", 0, 20.0),
                run("1", "32", 0, 10.0), run("16", "64", 0, 25.0), run("4", "64", 0, 15.0));
        PlotSpec plot = BLOCK_SIZES.spec(null, List.of()).report().plots().get(0);
        Optional<SweptKeyAxis> axis = BLOCK_SIZES.spec(null, List.of()).report().axis("model.blockSize");

        XYChart chart = (XYChart) MetricPlot.chart(plot, axis, runs, BLOCK_SIZES.labels(null, List.of())).orElseThrow();

        assertThat(chart.getTitle()).isEqualTo("fid vs blocks per image");
        assertThat(chart.getXAxisTitle()).isEqualTo("blocks per image");
        assertThat(chart.getSeriesMap()).containsOnlyKeys("model.width=32", "model.width=64");
        XYSeries narrow = chart.getSeriesMap().get("model.width=32");
        // blocks 16, 4, 1 are at 1, 4, 16 blocks, drawn at log₂: 0, 2, 4; the two seeds of block 16 are averaged
        assertThat(narrow.getXData()).containsExactly(0.0, 2.0, 4.0);
        assertThat(narrow.getYData()).containsExactly(32.0, 20.0, 10.0);
        assertThat(chart.getSeriesMap().get("model.width=64").getXData()).containsExactly(0.0, 2.0);
        assertThat(List.of(0.0, 2.0, 4.0, 1.5).stream().map(chart.getStyler().getxAxisTickLabelsFormattingFunction()))
                .containsExactly("1", "4", "16", "2.83");

        Path png = root.resolve("fid.png");
        assertThat(MetricPlot.write(plot, axis, runs, BLOCK_SIZES.labels(null, List.of()), png)).isTrue();
        assertThat(PlotText.of(png)).containsEntry(PlotFile.TITLE, "fid vs blocks per image")
                .containsEntry(PlotFile.LEGEND, "model.width=32\nmodel.width=64");
    }

    @Test
    void withoutAnAxisAWideNumericKeyIsDrawnOnALog2AxisUnderItsKeyAndANarrowOneLinearly() {
        ExperimentDefinition plain = Experiment.define("axis-test", e -> e
                .data(d -> d.size(16)).model(TestModelType.TYPE, m -> m.patch(4))
                .sweep(s -> s.grid("model.blockSize", 16, 4, 1).seeds(0))
                .report(r -> r.plot(FID, "model.blockSize")));
        PlotSpec plot = plain.spec(null, List.of()).report().plots().get(0);
        List<RunRecord> wide = List.of(run("16", null, 0, 30.0), run("4", null, 0, 20.0), run("1", null, 0, 10.0));

        XYChart chart = (XYChart) MetricPlot.chart(plot, Optional.empty(), wide, plain.labels(null, List.of())).orElseThrow();

        assertThat(chart.getXAxisTitle()).isEqualTo("model.blockSize");
        assertThat(chart.getSeriesMap().get("fid").getXData()).containsExactly(0.0, 2.0, 4.0);
        assertThat(chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(4.0)).isEqualTo("16");

        List<RunRecord> narrow = List.of(run("4", null, 0, 20.0), run("1", null, 0, 10.0));
        XYChart linear = (XYChart) MetricPlot.chart(plot, Optional.empty(), narrow, plain.labels(null, List.of()))
                .orElseThrow();
        assertThat(linear.getSeriesMap().get("fid").getXData()).containsExactly(1.0, 4.0);
        assertThat(linear.getStyler().getxAxisTickLabelsFormattingFunction()).isNull();
    }

    private static RunRecord run(String blockSize, String width, long seed, double fid) {
        Map<String, String> assignment = width == null ? Map.of("model.blockSize", blockSize)
                : Map.of("model.blockSize", blockSize, "model.width", width);
        return RunRecord.builder().experiment("axis-test")
                .run("blockSize" + blockSize + "-width" + width + "-seed" + seed).seed(seed).preset("")
                .assignments(assignment).status(RunStatus.FINISHED).started("t0").heartbeat("t1").ended("t2").step(10)
                .steps(10).lastLoss(0.5).metrics(Map.of("fid", fid)).build();
    }
}
