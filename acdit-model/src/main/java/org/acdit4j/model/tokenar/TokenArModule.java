package org.acdit4j.model.tokenar;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.acdit4j.framework.model.ModelFactory;

/** The token-AR plugin's bindings: its factory under {@link TokenAr#NAME} in the application's map of models. */
public final class TokenArModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, ModelFactory.class).addBinding(TokenAr.NAME)
                .to(TokenArModelFactory.class);
    }
}
