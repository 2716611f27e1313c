package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.dsl.ExperimentBuilder;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.run.RunCheckpoint;
import org.acdit4j.framework.spec.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acdit sample --checkpoint C --labels 0,1 --guidance S --out grid.png}: samples from a trained run. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw class-conditional samples from a run's checkpoint into a PNG grid, an .npz in the ADM "
                + "evaluator's layout, or a folder of numbered PNGs.")
public final class SampleCommand implements Callable<Integer> {

    private final Plugins plugins;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "A run's checkpoint, e.g. runs/<experiment>/<run>/checkpoints/latest.ckpt; it carries the "
                    + "run's configuration, so it may be copied anywhere.")
    Path checkpoint;

    @Option(names = "--labels", split = ",", paramLabel = "L",
            description = "Class labels, cycled over --count images (default: every class in turn).")
    List<Integer> labels = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N",
            description = "Images to draw (default: as many as --labels lists, else 20).")
    Integer count;

    @Option(names = "--guidance", paramLabel = "S", description = "Classifier-free guidance scale (default: the run's sample.guidance).")
    Double guidance;

    @Parameters(paramLabel = "sample.KEY=VALUE", arity = "0..*",
            description = "Sampling settings instead of the run's, e.g. sample.steps=10 sample.solver=dpm-solver++.")
    List<String> sampling = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "0", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-kv-cache", description = "Recompute the prefix at every step instead of caching it.")
    boolean noKvCache;

    @Option(names = "--force", description = "Replace the files --out names when they exist.")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR/",
            description = "grid.png (a grid), samples.npz (uint8 N×H×W×3 under arr_0, labels under arr_1, as the ADM "
                    + "evaluator reads it) or a folder ending in / (000000.png, … at native resolution).")
    String out;

    private static final int DEFAULT_COUNT = 20;

    @Inject
    SampleCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new UsageException("--checkpoint " + checkpoint + " is not a file");
        }
        SampleOutput output = SampleOutput.of(out);
        if (!force && output.wouldOverwrite(Path.of(out))) {
            throw new UsageException("--out " + out + " holds samples already; allowed: a new path, or --force to "
                    + "replace them");
        }
        Map<String, String> configuration;
        try {
            configuration = new TreeMap<>(RunCheckpoint.configuration(checkpoint));
        } catch (IOException e) {
            throw new UsageException("--checkpoint " + e.getMessage());
        }
        Set<String> given = new HashSet<>();
        for (String setting : sampling) {
            int equals = setting.indexOf('=');
            if (!setting.startsWith("sample.") || equals < 0) {
                throw new UsageException("'" + setting + "': only sample.KEY=VALUE settings can differ from the run's");
            }
            if (!given.add(setting.substring(0, equals))) {
                throw new UsageException(setting.substring(0, equals) + ": given twice; allowed: each key once");
            }
            configuration.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        ModelFactory factory = plugins.model(configuration.get(ExperimentBuilder.MODEL_NAME), "--checkpoint " + checkpoint);
        ExperimentSpec spec = Experiment.fromConfiguration(factory.type(), configuration);
        DatasetFactory data = plugins.dataset(spec.data().name(), "--checkpoint " + checkpoint);
        Dataset dataset = data.open(spec.data());
        int classes = dataset.geometry().classes();
        for (int label : labels) {
            if (label < 0 || label > classes) {
                throw new UsageException("--labels: " + label + " is outside 0.." + classes + " (" + classes
                        + " = unconditional)");
            }
        }
        int images = count != null ? count : labels.isEmpty() ? DEFAULT_COUNT : labels.size();
        if (images < 1) {
            throw new UsageException("--count must be at least 1, got " + images);
        }
        int[] drawn = new int[images];
        for (int i = 0; i < images; i++) {
            drawn[i] = labels.isEmpty() ? i % classes : labels.get(i % labels.size());
        }
        GenerativeModel model = factory.create(spec.model().config(), spec.train(), dataset.geometry(), 0);
        RunCheckpoint.restore(model, checkpoint);
        long start = System.nanoTime();
        ImageBatch samples = draw(model, spec, drawn);
        output.write(samples, Path.of(out));
        System.out.printf("wrote %s: %d samples at step %d in %.1f s%n", out, images, model.step(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** {@code labels.length} samples, {@code sample.batch} per call, call k seeded {@code --seed + k}. */
    private ImageBatch draw(GenerativeModel model, ExperimentSpec spec, int[] labels) {
        int batch = spec.sample().batch();
        int values = model.geometry().valuesPerExample();
        float[] pixels = new float[labels.length * values];
        for (int from = 0, call = 0; from < labels.length; from += batch, call++) {
            int[] part = Arrays.copyOfRange(labels, from, Math.min(labels.length, from + batch));
            SampleRequest request = new SampleRequest(part, spec.sample().sampler(),
                    guidance == null ? spec.sample().guidance() : guidance, seed + call, !noKvCache, true);
            float[] drawn = model.sample(request).pixels();
            System.arraycopy(drawn, 0, pixels, from * values, drawn.length);
        }
        return new ImageBatch(model.geometry(), pixels, labels);
    }
}
