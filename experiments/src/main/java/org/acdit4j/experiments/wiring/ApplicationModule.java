package org.acdit4j.experiments.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.TrackerSelection;
import org.acdit4j.tracking.server.ServerSettings;
import org.acdit4j.experiments.cli.GlobalOptions;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.DatasetsModule;
import org.acdit4j.framework.report.ReportElementsModule;

/**
 * The application's bindings. Holds the process environment as a value so that nothing else reads
 * {@code System.getenv}; does no I/O.
 */
public final class ApplicationModule extends AbstractModule {

    private final Map<String, String> environment;

    public ApplicationModule(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    protected void configure() {
        bind(new com.google.inject.TypeLiteral<Map<String, String>>() { })
                .annotatedWith(Names.named("environment")).toInstance(environment);
        install(new DatasetsModule());
        install(new ModelsModule());
        install(new EvaluatorsModule());
        install(new ReportElementsModule());
        install(new ExperimentsModule());
    }

    @Provides
    TrackerSelection trackerSelection(@Named("environment") Map<String, String> env) {
        return new TrackerSelection(env, Path.of(""), Clock.systemUTC(), MetricBuffering.defaults(), ServerSettings.defaults());
    }

    /** Resolved on each request, so it sees the flags parsed after the injector was built. */
    @Provides
    DataDirectory dataDirectory(GlobalOptions options, @Named("environment") Map<String, String> env) {
        return DataDirectory.resolve(options.dataDir(), env);
    }
}
