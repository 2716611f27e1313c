package org.acdit4j.model;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.acdit4j.framework.model.ModelFactory;

/** The ACDiT plugin's bindings: its factory under {@link Acdit#NAME} in the application's map of models. */
public final class AcditModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, ModelFactory.class).addBinding(Acdit.NAME)
                .to(AcditModelFactory.class);
    }
}
