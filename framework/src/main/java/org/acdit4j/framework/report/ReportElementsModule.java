package org.acdit4j.framework.report;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.acdit4j.framework.spec.ByConfigurationSpec;
import org.acdit4j.framework.spec.ByFrameSpec;
import org.acdit4j.framework.spec.LossCurvesSpec;
import org.acdit4j.framework.spec.PairedAgainstSpec;
import org.acdit4j.framework.spec.PairedSpec;
import org.acdit4j.framework.spec.PlotSpec;
import org.acdit4j.framework.spec.ProgressSpec;
import org.acdit4j.framework.spec.ReportElementSpec;
import org.acdit4j.framework.spec.SampleGridsSpec;

/**
 * Registers the renderer of each kind of report element by the type of its spec, for {@link ReportElements}. The order
 * of the lines is the order of the kinds in the report, so a new kind goes where its section belongs: a new kind of
 * element is a spec record, a renderer and one {@link #register} line here.
 */
public final class ReportElementsModule extends AbstractModule {

    @Override
    protected void configure() {
        register(binder(), PlotSpec.class, SweptKeyPlots.class);
        register(binder(), ProgressSpec.class, ProgressComparisons.class);
        register(binder(), ByFrameSpec.class, FramePlots.class);
        register(binder(), ByConfigurationSpec.class, ConfigurationPlots.class);
        register(binder(), PairedSpec.class, PairedBySeedTable.class);
        register(binder(), PairedAgainstSpec.class, PairedAgainstComparisons.class);
        register(binder(), LossCurvesSpec.class, LossCurves.class);
        register(binder(), SampleGridsSpec.class, SampleGrids.class);
    }

    /**
     * Registers {@code renderer} for the elements of type {@code spec}, after the kinds registered before it; a second
     * renderer of the same type fails when the injector is created.
     */
    static <S extends ReportElementSpec> void register(Binder binder, Class<S> spec,
                                                       Class<? extends ReportElementRenderer<S>> renderer) {
        MapBinder.newMapBinder(binder, new TypeLiteral<Class<? extends ReportElementSpec>>() { },
                new TypeLiteral<ReportElementRenderer<?>>() { }).addBinding(spec).to(renderer);
    }
}
