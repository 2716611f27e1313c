package org.acdit4j.experiments.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.acdit4j.model.bench.ModelBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code acdit bench [options]}: the model's performance benchmark (docs/PERFORMANCE.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark training and sampling of one model configuration (default: the reference model)"
                + " for several block sizes, against a GEMM peak measured in the same run.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--blocks", split = ",", defaultValue = "1,4,16,64",
            description = "Block sizes in tokens, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> blocks;

    @Option(names = "--steps", defaultValue = "5", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed training steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--batch", defaultValue = "64", description = "Training batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--sample-images", defaultValue = "64",
            description = "Images per sampling call (default: ${DEFAULT-VALUE}).")
    int sampleImages;

    @Option(names = "--sample-steps", defaultValue = "5",
            description = "DPM-Solver++ steps per block (default: ${DEFAULT-VALUE}).")
    int sampleSteps;

    @Option(names = "--guidance", defaultValue = "1.5", description = "CFG scale, 1 = none (default: ${DEFAULT-VALUE}).")
    double guidance;

    @Option(names = "--image-size", defaultValue = "32",
            description = "Side of the square one-channel images (default: ${DEFAULT-VALUE}).")
    int imageSize;

    @Option(names = "--patch", defaultValue = "4", description = "Patch side (default: ${DEFAULT-VALUE}).")
    int patch;

    @Option(names = "--width", defaultValue = "128", description = "Model width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--depth", defaultValue = "4", description = "Layers (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--heads", defaultValue = "4", description = "Attention heads (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--json", description = "Print one JSON object per block size instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        try {
            ModelBenchmark.run(new ModelBenchmark.Settings(blocks, steps, warmup, batch, sampleImages, sampleSteps,
                    guidance, imageSize, patch, width, depth, heads, json), System.out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
