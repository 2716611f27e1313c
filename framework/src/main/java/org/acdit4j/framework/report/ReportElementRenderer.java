package org.acdit4j.framework.report;

import java.util.List;
import org.acdit4j.framework.spec.ReportElementSpec;

/**
 * Renders one kind of report element: writes its files and adds its sections to the page. Registered by the type of
 * its spec in {@link ReportElementsModule}, whose order is the order of the kinds in the report.
 *
 * @param <S> the kind of element, by the type of its spec
 */
interface ReportElementRenderer<S extends ReportElementSpec> {

    /** Renders {@code specs}, every element of this kind the report declares (at least one), in declaration order. */
    void render(List<S> specs, ReportRuns runs, ReportPage page);
}
