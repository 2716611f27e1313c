package org.acdit4j.framework.report;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.acdit4j.framework.spec.ReportElementSpec;

/**
 * The renderers of report elements, keyed by the type of the spec each renders, in the order their kinds appear in the
 * report: the registry the report asks, injected with the renderers {@link ReportElementsModule} registers.
 */
final class ReportElements {

    private final Map<Class<? extends ReportElementSpec>, ReportElementRenderer<?>> renderers = new LinkedHashMap<>();

    /** The renderers, in report order (a set binding iterates in binding order); one per type of spec. */
    @Inject
    ReportElements(Set<ReportElementRenderer<?>> inReportOrder) {
        for (ReportElementRenderer<?> renderer : inReportOrder) {
            if (renderers.putIfAbsent(renderer.specType(), renderer) != null) {
                throw new IllegalArgumentException("two renderers of " + renderer.specType().getSimpleName());
            }
        }
    }

    /**
     * Renders every element {@code runs}' report declares, kind by kind in report order, onto a new page. Before
     * anything is written, an element of a kind no renderer is registered for fails, naming the kinds there are.
     */
    ReportPage render(ReportRuns runs) {
        List<ReportElementSpec> declared = runs.spec().report().elements();
        for (ReportElementSpec element : declared) {
            if (!renderers.containsKey(element.getClass())) {
                throw new IllegalArgumentException("no renderer for report element " + element + "; registered: "
                        + renderers.keySet().stream().map(Class::getSimpleName).collect(Collectors.joining(", ")));
            }
        }
        ReportPage page = new ReportPage();
        renderers.values().forEach(renderer -> renderAll(renderer, runs, page));
        return page;
    }

    private static <S extends ReportElementSpec> void renderAll(ReportElementRenderer<S> renderer, ReportRuns runs,
                                                               ReportPage page) {
        List<S> specs = runs.spec().report().elements(renderer.specType());
        if (!specs.isEmpty()) {
            renderer.render(specs, runs, page);
        }
    }
}
