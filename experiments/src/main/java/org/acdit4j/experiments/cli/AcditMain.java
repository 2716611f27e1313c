package org.acdit4j.experiments.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.acdit4j.experiments.wiring.ApplicationModule;
import org.acdit4j.experiments.wiring.GuiceCommandFactory;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.system.MemoryLimits;
import picocli.CommandLine;

/**
 * Entry point of the {@code acdit} CLI: builds the one injector (the application's module plus any plugin
 * module listed under {@code META-INF/services/com.google.inject.Module}), runs a command, maps errors to
 * exit codes.
 */
public final class AcditMain {

    /** A run or task failed. */
    static final int EXIT_FAILURE = 1;
    /** Usage or configuration error. */
    static final int EXIT_USAGE = 2;

    private AcditMain() {
    }

    public static void main(String[] args) {
        MemoryLimits.applyDefaults(1);
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; the only caller of {@code System.exit} is {@link #main}. */
    public static int run(String... args) {
        List<Module> modules = new ArrayList<>();
        modules.add(new ApplicationModule(System.getenv()));
        ServiceLoader.load(Module.class).forEach(modules::add);
        Injector injector = Guice.createInjector(modules);
        CommandLine commandLine = new CommandLine(AcditCommand.class, new GuiceCommandFactory(injector));
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("acdit: " + exception.getMessage());
            return exception instanceof SpecException || exception instanceof UsageException ? EXIT_USAGE : EXIT_FAILURE;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            exception.getCommandLine().getErr().println("acdit: " + exception.getMessage());
            return EXIT_USAGE;
        });
        return commandLine.execute(args);
    }
}
