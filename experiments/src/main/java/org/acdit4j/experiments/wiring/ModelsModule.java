package org.acdit4j.experiments.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.model.Acdit;
import org.acdit4j.model.AcditModelFactory;
import org.acdit4j.model.tokenar.TokenAr;
import org.acdit4j.model.tokenar.TokenArModelFactory;

/** Registers the models by name. A new model is one factory class plus one line here. */
public final class ModelsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, ModelFactory> models = MapBinder.newMapBinder(binder(), String.class, ModelFactory.class);
        models.addBinding(Acdit.NAME).to(AcditModelFactory.class);
        models.addBinding(TokenAr.NAME).to(TokenArModelFactory.class);
    }
}
