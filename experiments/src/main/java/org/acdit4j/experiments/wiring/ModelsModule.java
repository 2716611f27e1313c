package org.acdit4j.experiments.wiring;

import com.google.inject.AbstractModule;
import org.acdit4j.model.AcditModule;
import org.acdit4j.model.tokenar.TokenArModule;

/** Installs the model plugins, each of which binds its factory by name. A new model is one line here. */
public final class ModelsModule extends AbstractModule {

    @Override
    protected void configure() {
        install(new AcditModule());
        install(new TokenArModule());
    }
}
