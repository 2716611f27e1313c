package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.report.ImageGrid;
import org.acdit4j.framework.run.RunCheckpoint;
import org.acdit4j.framework.spec.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acdit sample --checkpoint C --labels 0,1 --guidance S --out grid.png}: samples from a trained run. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw class-conditional samples from a run's checkpoint into a PNG grid.")
public final class SampleCommand implements Callable<Integer> {

    private final Provider<Map<String, DatasetFactory>> datasets;
    private final Provider<Map<String, ModelFactory>> models;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "A run's checkpoint, e.g. runs/<experiment>/<run>/checkpoints/latest.ckpt; it carries the "
                    + "run's configuration, so it may be copied anywhere.")
    Path checkpoint;

    @Option(names = "--labels", split = ",", paramLabel = "L", description = "Class labels, one image each (default: 0..9 twice).")
    List<Integer> labels = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Option(names = "--guidance", paramLabel = "S", description = "Classifier-free guidance scale (default: the run's sample.guidance).")
    Double guidance;

    @Parameters(paramLabel = "sample.KEY=VALUE", arity = "0..*",
            description = "Sampling settings instead of the run's, e.g. sample.steps=10 sample.solver=dpm-solver++.")
    List<String> sampling = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "0", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-kv-cache", description = "Recompute the prefix at every step instead of caching it.")
    boolean noKvCache;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "Output image.")
    Path out;

    @Inject
    SampleCommand(Provider<Map<String, DatasetFactory>> datasets, Provider<Map<String, ModelFactory>> models) {
        this.datasets = datasets;
        this.models = models;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new UsageException("--checkpoint " + checkpoint + " is not a file");
        }
        Map<String, String> configuration;
        try {
            configuration = new TreeMap<>(RunCheckpoint.configuration(checkpoint));
        } catch (IOException e) {
            throw new UsageException("--checkpoint " + e.getMessage());
        }
        for (String setting : sampling) {
            int equals = setting.indexOf('=');
            if (!setting.startsWith("sample.") || equals < 0) {
                throw new UsageException("'" + setting + "': only sample.KEY=VALUE settings can differ from the run's");
            }
            configuration.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        ModelFactory factory = models.get().get(configuration.get("model.name"));
        if (factory == null) {
            throw new UsageException("--checkpoint " + checkpoint + " holds a model '" + configuration.get("model.name")
                    + "' that this application does not register; known: " + new TreeSet<>(models.get().keySet()));
        }
        ExperimentSpec spec = Experiment.fromConfiguration(factory.type(), configuration);
        DatasetFactory data = datasets.get().get(spec.data().name());
        if (data == null) {
            throw new UsageException("--checkpoint " + checkpoint + " was trained on a dataset '" + spec.data().name()
                    + "' that this application does not register; known: " + new TreeSet<>(datasets.get().keySet()));
        }
        Dataset dataset = data.open(spec.data());
        for (int label : labels) {
            if (label < 0 || label > dataset.geometry().classes()) {
                throw new UsageException("--labels: " + label + " is outside 0.." + dataset.geometry().classes()
                        + " (" + dataset.geometry().classes() + " = unconditional)");
            }
        }
        GenerativeModel model = factory.create(spec.model().config(), spec.train(), dataset.geometry(), 0);
        RunCheckpoint.restore(model, checkpoint);
        SampleRequest request = new SampleRequest(labels.stream().mapToInt(Integer::intValue).toArray(),
                spec.sample().sampler(), guidance == null ? spec.sample().guidance() : guidance, seed, !noKvCache, true);
        long start = System.nanoTime();
        ImageGrid.writePng(model.sample(request), Math.min(10, labels.size()), 2, out);
        System.out.printf("wrote %s: %d samples at step %d in %.1f s%n", out, labels.size(), model.step(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
