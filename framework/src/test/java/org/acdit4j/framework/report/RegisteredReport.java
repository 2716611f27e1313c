package org.acdit4j.framework.report;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** The report and its registry of renderers as the application injects them, from {@link ReportElementsModule}. */
final class RegisteredReport {

    private static final Injector INJECTOR = Guice.createInjector(new ReportElementsModule());
    /** The report with every registered renderer. */
    static final ExperimentReport REPORT = INJECTOR.getInstance(ExperimentReport.class);
    /** The registered renderers, in report order. */
    static final ReportElements ELEMENTS = INJECTOR.getInstance(ReportElements.class);

    private RegisteredReport() {
    }
}
