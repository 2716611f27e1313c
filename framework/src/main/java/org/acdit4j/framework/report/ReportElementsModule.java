package org.acdit4j.framework.report;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;

/**
 * Registers the renderers of report elements, which {@link ReportElements} keys by the type of spec each renders. The
 * order of the lines is the order of the kinds in the report, so a new kind of element goes where its section belongs:
 * a new kind is a spec record, a renderer and one line here.
 */
public final class ReportElementsModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<ReportElementRenderer<?>> renderers =
                Multibinder.newSetBinder(binder(), new TypeLiteral<ReportElementRenderer<?>>() { });
        renderers.addBinding().to(SweptKeyPlots.class);
        renderers.addBinding().to(ProgressComparisons.class);
        renderers.addBinding().to(FramePlots.class);
        renderers.addBinding().to(ConfigurationPlots.class);
        renderers.addBinding().to(PairedBySeedTable.class);
        renderers.addBinding().to(PairedAgainstComparisons.class);
        renderers.addBinding().to(LossCurves.class);
        renderers.addBinding().to(SampleGrids.class);
    }
}
