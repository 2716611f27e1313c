package org.acdit4j.experiments.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.bench.MemorySoak;
import org.acdit4j.model.bench.ModelBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code acdit bench [options]}: the model's performance benchmark, or with {@code --soak N} its memory soak
 * (docs/PERFORMANCE.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark training and sampling of one model configuration (default: the reference model)"
                + " for several block sizes, against a GEMM peak measured in the same run, with the process's peak"
                + " resident set after each block size.",
                "With --soak N: train N steps of one block size on a fixed random batch and report the resident set"
                        + " every --soak-every steps, then its slope in MB per 1,000 steps and its peak."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = ModelBenchmark.Settings.ACDIT,
            description = "acdit or token-ar (the discrete-token AR baseline on a random codebook of 512 codes;"
                    + " block size 1 only) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--blocks", split = ",",
            description = "Block sizes in tokens, comma-separated (default: 1,4,16,64; token-ar: 1; --soak takes one).")
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

    @Option(names = "--micro-batches", defaultValue = "1",
            description = "Equal parts of each training batch, whose gradients are averaged (train.microBatches;"
                    + " default: ${DEFAULT-VALUE}).")
    int microBatches;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the run: up to N micro-batches train at once, the threads they leave run each"
                    + " training graph's independent ops at once, and a large sampling call splits into up to N parts"
                    + " (default: $ACDIT_THREADS, else the cores).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object per block size (per soak report, then a summary)"
            + " instead of the table.")
    boolean json;

    @Option(names = "--soak", paramLabel = "N",
            description = "Soak instead: train N steps (at least 2) of one block size and report the resident set.")
    Integer soak;

    @Option(names = "--soak-every", paramLabel = "STEPS",
            description = "With --soak: a report line every STEPS steps, 1..N (default: 250, or N when shorter).")
    Integer soakEvery;

    @Option(names = "--slope-from", paramLabel = "STEP",
            description = "With --soak: the first step in the RSS slope, 1..N-1 (default: 500, or N/2 when N < 1000).")
    Integer slopeFrom;

    @Override
    public Integer call() {
        try {
            ModelBenchmark.Settings settings = new ModelBenchmark.Settings(
                    blocks == null ? ModelBenchmark.Settings.defaultBlocks(model) : blocks, steps, warmup, batch,
                    sampleImages, sampleSteps, guidance, imageSize, patch, width, depth, heads, microBatches,
                    threads == null ? RunThreads.available() : threads, model, json);
            if (soak == null) {
                requireNoSoakOptions();
                ModelBenchmark.run(settings, System.out);
            } else {
                MemorySoak.Plan plan = new MemorySoak.Plan(soak, soakEvery == null ? Math.min(250, soak) : soakEvery,
                        slopeFrom == null ? MemorySoak.Plan.defaultSlopeFrom(soak) : slopeFrom);
                MemorySoak.run(settings, plan, System.out);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }

    private void requireNoSoakOptions() {
        if (soakEvery != null || slopeFrom != null) {
            throw new UsageException((soakEvery != null ? "--soak-every" : "--slope-from") + " needs --soak N");
        }
    }
}
