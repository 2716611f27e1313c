package org.acdit4j.framework.report;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.run.RunRecord;

/** The report and its registry of renderers as the application injects them, from {@link ReportElementsModule}. */
final class RegisteredReport {

    private static final Injector INJECTOR = Guice.createInjector(new ReportElementsModule());
    /** The report with every registered renderer. */
    static final ExperimentReport REPORT = INJECTOR.getInstance(ExperimentReport.class);
    /** The registered renderers, in report order. */
    static final ReportElements ELEMENTS = INJECTOR.getInstance(ReportElements.class);

    private RegisteredReport() {
    }

    /**
     * Writes the report of {@code runs}, of the standard plans of {@code definition}, from {@code root/runs} to
     * {@code root/out}, as {@code acdit run <name>} writes it, reading no sample grids back.
     */
    static List<Path> write(ExperimentDefinition definition, List<RunRecord> runs, Path root) {
        return REPORT.write(definition.spec(null, List.of()), definition.labels(null, List.of()),
                run -> Optional.empty(), runs, root.resolve("runs"), root.resolve("out"),
                new ExperimentReport.Context("acdit run " + definition.name(), "", 1));
    }
}
