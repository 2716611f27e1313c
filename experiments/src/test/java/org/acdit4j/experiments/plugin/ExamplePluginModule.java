package org.acdit4j.experiments.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.model.Acdit;

/** A plugin as a user would ship it: a Guice module found through ServiceLoader, adding one experiment. */
public final class ExamplePluginModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, ExperimentDefinition.class).addBinding("plugin-example")
                .toInstance(Experiment.define("plugin-example", e -> e.description("added by a plugin module")
                        .model(Acdit.TYPE, m -> m.width(32).heads(2))));
    }
}
