package org.acdit4j.framework.report;

import com.google.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.acdit4j.framework.spec.ReportElementSpec;

/**
 * The renderers of report elements, keyed by the type of the spec each renders, in the order their kinds appear in the
 * report: the registry the report asks, injected with the renderers {@link ReportElementsModule} registers.
 */
final class ReportElements {

    private final Map<Class<? extends ReportElementSpec>, ReportElementRenderer<?>> renderers;

    /**
     * The renderers by the type of spec each renders, in report order (a map binding iterates in binding order), each
     * registered with {@link ReportElementsModule#register}, which makes sure it renders the type it is keyed by.
     */
    @Inject
    ReportElements(Map<Class<? extends ReportElementSpec>, ReportElementRenderer<?>> renderers) {
        this.renderers = renderers;
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
        renderers.forEach((type, renderer) -> renderAll(type, renderer, runs, page));
        return page;
    }

    /** Renders the elements of {@code type} with {@code renderer}, registered for that type. */
    @SuppressWarnings("unchecked")
    private static <S extends ReportElementSpec> void renderAll(Class<S> type, ReportElementRenderer<?> renderer,
                                                               ReportRuns runs, ReportPage page) {
        List<S> specs = runs.spec().report().elements(type);
        if (!specs.isEmpty()) {
            ((ReportElementRenderer<S>) renderer).render(specs, runs, page);
        }
    }
}
