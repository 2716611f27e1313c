package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.spec.DataSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acdit data}: fetches, verifies and caches datasets ahead of a run, and reports their splits. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Fetch and cache datasets (default: fashion-mnist and mnist) and print their splits.")
public final class DataCommand implements Callable<Integer> {

    private final Plugins plugins;
    private final Provider<DataDirectory> directory;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Datasets to fetch.")
    List<String> names = List.of("fashion-mnist", "mnist");

    @Option(names = "--size", defaultValue = "32", description = "Image side to load at (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--frames", defaultValue = "8",
            description = "Frames per clip of clip datasets such as moving-mnist (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--digits", defaultValue = "1",
            description = "Digits per clip of moving-mnist, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int digits;

    @Option(names = "--digit-size", defaultValue = "0",
            description = "Side of the moving-mnist digits in pixels; 0 = 7/16 of --size (default: ${DEFAULT-VALUE}).")
    int digitSize;

    @Inject
    DataCommand(Plugins plugins, Provider<DataDirectory> directory) {
        this.plugins = plugins;
        this.directory = directory;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<DatasetFactory> factories = names.stream().map(plugins::dataset).toList();
        out.println("data cache: " + directory.get().root());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            DatasetFactory factory = factories.get(i);
            long start = System.nanoTime();
            Dataset dataset = factory.open(factory.producesClips() ? DataSpec.clips(name, size, frames, digits, digitSize)
                    : DataSpec.of(name, size));
            out.printf("%-16s %s  train %,d  test %,d  ready in %.1f s%n", name, dataset.geometry(),
                    dataset.train().size(), dataset.test().size(), (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
