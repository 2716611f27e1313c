package org.acdit4j.framework.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.framework.dsl.Customizer;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.dsl.ReportSection;
import org.acdit4j.framework.run.RunFolder;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.ByConfigurationSpec;
import org.acdit4j.framework.spec.ByFrameSpec;
import org.acdit4j.framework.spec.ComputeBasis;
import org.acdit4j.framework.spec.LossCurvesSpec;
import org.acdit4j.framework.spec.MetricName;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.acdit4j.framework.spec.PairedSpec;
import org.acdit4j.framework.spec.PlotSpec;
import org.acdit4j.framework.spec.ProgressSpec;
import org.acdit4j.framework.spec.ReportElementSpec;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.spec.SampleGridsSpec;
import org.acdit4j.framework.testing.TestModelType;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportElementsTest {

    private static final MetricName FID = new MetricName("fid");

    /** A kind of element the framework does not have: a remark under its own heading. */
    private record RemarkSpec(String text) implements ReportElementSpec {

        @Override
        public MetricsRead metricsRead() {
            return MetricsRead.of("report.remark", List.of());
        }
    }

    /** Renders every remark as one comparison section. */
    static final class Remarks implements ReportElementRenderer<RemarkSpec> {

        @Override
        public void render(List<RemarkSpec> specs, ReportRuns runs, ReportPage page) {
            StringBuilder md = new StringBuilder("## Remarks\n\n");
            specs.forEach(remark -> md.append("- ").append(remark.text()).append(" (")
                    .append(runs.finished().size()).append(" finished runs)\n"));
            page.comparison(md.append('\n').toString());
        }
    }

    /** A second renderer of loss curves, which draws nothing. */
    static final class NoLossCurves implements ReportElementRenderer<LossCurvesSpec> {

        @Override
        public void render(List<LossCurvesSpec> specs, ReportRuns runs, ReportPage page) {
        }
    }

    @TempDir
    Path root;

    @Test
    void aNewElementIsASpecARendererAndOneRegistration() throws Exception {
        ExperimentDefinition remarked = definition(r -> r.plot(FID, "model.blockSize")
                .element(new RemarkSpec("block 4 trains slower")).element(new RemarkSpec("seed 0 only")));
        ExperimentReport withRemarks = Guice.createInjector(new ReportElementsModule(),
                binder -> ReportElementsModule.register(binder, RemarkSpec.class, Remarks.class))
                .getInstance(ExperimentReport.class);

        List<Path> files = withRemarks.write(runs(remarked), context());

        assertThat(files).extracting(path -> path.getFileName().toString())
                .containsExactly("summary.csv", "fid-vs-model.blockSize.png", "REPORT.md");
        String report = Files.readString(root.resolve("out/REPORT.md"));
        assertThat(report).contains("## Remarks\n\n- block 4 trains slower (2 finished runs)\n- seed 0 only (2 finished "
                + "runs)\n\n## Plots\n\n![fid-vs-model.blockSize.png](fid-vs-model.blockSize.png)");
        assertThat(report.indexOf("## Metrics at equal training steps")).isLessThan(report.indexOf("## Remarks"));
    }

    @Test
    void anElementWithoutARendererFailsBeforeAnythingIsWritten() {
        ExperimentDefinition remarked = definition(r -> r.element(new RemarkSpec("unrendered")));

        assertThatThrownBy(() -> RegisteredReport.REPORT.write(runs(remarked), context()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no renderer for report element RemarkSpec[text=unrendered]")
                .hasMessageContaining("registered: PlotSpec, ProgressSpec, ByFrameSpec, ByConfigurationSpec, PairedSpec, "
                        + "PairedAgainstSpec, LossCurvesSpec, SampleGridsSpec");
        assertThat(root.resolve("out")).doesNotExist();
    }

    @Test
    void aKindOfElementHasOneRenderer() {
        assertThatThrownBy(() -> Guice.createInjector(new ReportElementsModule(),
                binder -> ReportElementsModule.register(binder, LossCurvesSpec.class, NoLossCurves.class)))
                .isInstanceOf(CreationException.class).hasMessageContaining("Duplicate key")
                .hasMessageContaining(LossCurvesSpec.class.getName());
    }

    @Test
    void everyElementTheSectionDeclaresHasAStandardRenderer() {
        ExperimentDefinition everything = definition(r -> r.plot(FID, "model.blockSize").progress(FID)
                .byFrame(FID).byConfiguration(FID).pairedBySeed("model.blockSize", "1", FID)
                .pairedBySeedAgainst(ComputeBasis.EQUAL_COMPUTE, RunMetrics.TRAIN_FLOPS, "model.blockSize", "1", FID));

        List<ReportElementSpec> elements = everything.spec(null, List.of()).report().elements();

        assertThat(elements).extracting(element -> (Object) element.getClass()).containsExactlyInAnyOrder(
                PlotSpec.class, ProgressSpec.class, ByFrameSpec.class, ByConfigurationSpec.class, PairedSpec.class,
                PairedAgainstSpec.class, LossCurvesSpec.class, SampleGridsSpec.class);
        assertThat(RegisteredReport.ELEMENTS.render(runs(everything)).plots())
                .containsExactly("fid-vs-model.blockSize.png", "by-configuration-fid.png");
    }

    @Test
    void aReportWithoutDeclarationsStillHasLossCurvesAndSampleGrids() {
        assertThat(definition(r -> { }).spec(null, List.of()).report().elements())
                .containsExactly(new LossCurvesSpec(), new SampleGridsSpec());
    }

    /** Block sizes 1 and 4, one seed, with the given report section. */
    private static ExperimentDefinition definition(Customizer<ReportSection> report) {
        return Experiment.define("elements", e -> e.data(d -> d.size(16)).model(TestModelType.TYPE, m -> m.patch(2))
                .sweep(s -> s.grid("model.blockSize", 1, 4).seeds(0)).report(report));
    }

    /** Finished runs of block sizes 1 and 4 with FIDs 10 and 20, as {@code experiment}'s report reads them. */
    private ReportRuns runs(ExperimentDefinition experiment) {
        List<RunRecord> runs = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            String blockSize = index == 0 ? "1" : "4";
            RunRecord record = RunRecord.builder().experiment("elements").run("blockSize" + blockSize + "-seed0")
                    .index(index).seed(0).preset("").assignments(Map.of("model.blockSize", blockSize))
                    .status(RunStatus.FINISHED).step(10).steps(10).metrics(Map.of("fid", 10.0 * (index + 1))).build();
            RunFolder.of(root.resolve("runs"), "elements", record.run()).write(record);
            runs.add(record);
        }
        return new ReportRuns(experiment.spec(null, List.of()), experiment.labels(null, List.of()),
                run -> Optional.empty(), runs, root.resolve("runs"), root.resolve("out"));
    }

    private static ExperimentReport.Context context() {
        return new ExperimentReport.Context("acdit report elements", "", 1);
    }
}
