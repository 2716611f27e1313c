package org.acdit4j.model.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.SamplerConfig;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.framework.system.ProcessMemory;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.AcditModel;
import org.acdit4j.model.AcditSpec;
import org.acdit4j.model.DiffusionSampling;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.layout.TokenLayout;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.tokenar.Codebook;
import org.acdit4j.model.tokenar.TokenArConfig;
import org.acdit4j.model.tokenar.TokenArModel;
import org.acdit4j.model.tokenar.TokenArSpec;
import org.acdit4j.model.tokenar.TokenSampling;
import org.acdit4j.model.tokenar.Tokenizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of one model configuration (by default the reference: 32×32×1, patch 4, width 128, depth 4, 4 heads,
 * batch 64) for several block sizes: seconds per training step, images/s, achieved GFLOP/s and its share of a
 * single-thread GEMM peak measured in the same run, and sampling seconds per image with and without the
 * KV-cache, in wall and main-thread CPU time, and the process's peak resident set after each block size's
 * measurements. Prints a table, or with {@link Settings#json} one JSON object per block size. The model is ACDiT
 * or, with {@link Settings#TOKEN_AR}, the discrete-token AR baseline (token-wise, so block size 1 only) on a
 * codebook of random vectors. Set OMP_NUM_THREADS (threads per kernel) before the JVM starts; {@link Settings#threads}
 * sets the run's threads. The command line is {@code acdit bench};
 * {@link MemorySoak} is its {@code --soak} mode.
 */
public final class ModelBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int CLASSES = 10;
    /** Codebook size of the token-AR model: its section's default. */
    private static final int TOKEN_AR_CODES = 512;
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    /**
     * What to measure.
     *
     * @param blocks       block sizes (tokens per block) to run, each a divisor of the token count
     * @param steps        timed training steps per block size (the median is reported)
     * @param warmup       untimed training steps before them
     * @param batch        training batch
     * @param sampleImages images per sampling call
     * @param sampleSteps  DPM-Solver++(2M) steps per block
     * @param guidance     classifier-free guidance scale (1 = no unconditional half)
     * @param imageSize    side of the square single-channel images
     * @param patch        patch side
     * @param width        model width
     * @param depth        layers
     * @param heads        attention heads
     * @param microBatches equal parts of each training batch ({@code train.microBatches})
     * @param threads      threads the run may use ({@link RunThreads}): up to this many micro-batches run at once
     * @param model        {@link #ACDIT} or {@link #TOKEN_AR}
     * @param json         one JSON line per block size instead of the table
     */
    public record Settings(List<Integer> blocks, int steps, int warmup, int batch, int sampleImages, int sampleSteps,
                           double guidance, int imageSize, int patch, int width, int depth, int heads,
                           int microBatches, int threads, String model, boolean json) {

        public static final String ACDIT = "acdit";
        public static final String TOKEN_AR = "token-ar";

        /** Checks every setting; a bad one is a one-line error naming its {@code acdit bench} option. */
        public Settings {
            blocks = List.copyOf(blocks);
            atLeast("--steps", steps, 1);
            atLeast("--warmup", warmup, 0);
            atLeast("--batch", batch, 1);
            atLeast("--sample-images", sampleImages, 1);
            atLeast("--sample-steps", sampleSteps, 1);
            if (!(guidance >= 1) || !Double.isFinite(guidance)) {
                throw new IllegalArgumentException("--guidance must be a number >= 1 (1 = no guidance), got " + guidance);
            }
            atLeast("--image-size", imageSize, 1);
            if (patch < 1 || patch > imageSize || imageSize % patch != 0) {
                throw new IllegalArgumentException("--patch must divide --image-size " + imageSize + " (allowed: "
                        + divisors(imageSize) + "), got " + patch);
            }
            atLeast("--width", width, 1);
            atLeast("--depth", depth, 1);
            if (heads < 1 || width % heads != 0 || (width / heads) % 4 != 0) {
                throw new IllegalArgumentException("--heads must divide --width " + width + " into head dims divisible"
                        + " by 4 (two RoPE axes; allowed: " + ropeHeads(width) + "), got " + heads);
            }
            if (microBatches < 1 || batch % microBatches != 0) {
                throw new IllegalArgumentException("--micro-batches must divide --batch " + batch + " (allowed: "
                        + divisors(batch) + "), got " + microBatches);
            }
            atLeast("--threads", threads, 1);
            if (!ACDIT.equals(model) && !TOKEN_AR.equals(model)) {
                throw new IllegalArgumentException("--model must be " + ACDIT + " or " + TOKEN_AR + ", got " + model);
            }
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("--blocks needs at least one block size");
            }
            for (int block : blocks) {
                checkBlock(block, model, imageSize, patch);
            }
        }

        /** The reference configuration of docs/PERFORMANCE.md. */
        public static Settings reference() {
            return new Settings(List.of(1, 4, 16, 64), 5, 2, 64, 64, 5, 1.5, 32, 4, 128, 4, 4, 1, 1, ACDIT, false);
        }

        /** The block sizes a bench of {@code model} measures when none are given: all of the reference's, or 1. */
        public static List<Integer> defaultBlocks(String model) {
            return TOKEN_AR.equals(model) ? List.of(1) : List.of(1, 4, 16, 64);
        }

        /** Token-AR predicts one token at a time; ACDiT's block must tile the token grid. */
        private static void checkBlock(int block, String model, int imageSize, int patch) {
            if (TOKEN_AR.equals(model)) {
                if (block != 1) {
                    throw new IllegalArgumentException("--blocks: the " + TOKEN_AR + " model is token-wise"
                            + " autoregressive, so its only block size is 1, got " + block);
                }
                return;
            }
            try {
                TokenLayout.of(Geometry.image(1, imageSize, imageSize, CLASSES), patch, block,
                        AcditSpec.defaults().blockShape());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--blocks " + block + ": " + e.getMessage());
            }
        }

        AcditSpec spec(int blockSize) {
            AcditSpec d = AcditSpec.defaults();
            return new AcditSpec(width, depth, heads, patch, blockSize, d.blockShape(), d.rope(), d.context(),
                    d.labelDropout(), d.mlpRatio(), d.objective(), d.lossWeighting());
        }

        Geometry geometry() {
            return Geometry.image(1, imageSize, imageSize, CLASSES);
        }

        int tokens() {
            return (imageSize / patch) * (imageSize / patch);
        }

        /** Blocks of one image: the AR length. */
        int arLength(int blockSize) {
            return tokens() / blockSize;
        }

        /** The model, its geometry, size and batch in words, for the headers of the table and the soak. */
        String describe() {
            return String.format(Locale.ROOT, "%s, %dx%d images, patch %d (%d tokens), width %d, depth %d, heads %d,"
                    + " batch %d in %d micro-batches, %d threads", model, imageSize, imageSize, patch, tokens(), width,
                    depth, heads, batch, microBatches, threads);
        }

        /**
         * A new model of these settings at {@code blockSize}, its learning-rate schedule {@code trainSteps} long (a
         * warm-up of 100 steps, or all of them when there are fewer).
         */
        GenerativeModel createModel(int blockSize, int trainSteps) {
            TrainSpec train = new TrainSection().steps(trainSteps).batch(batch).lr(3e-4).betas(0.9, 0.999)
                    .weightDecay(0.0).gradClip(1.0).schedule(LearningRateSchedule.WSD)
                    .warmupSteps(Math.min(100, trainSteps)).decayFraction(0.15).ema(0.999)
                    .microBatches(microBatches).build();
            if (ACDIT.equals(model)) {
                return AcditModel.create(spec(blockSize), train, geometry(), 1, DataType.FLOAT);
            }
            AcditSpec d = AcditSpec.defaults();
            TokenArSpec spec = new TokenArSpec(width, depth, heads, patch, TOKEN_AR_CODES, 1, TOKEN_AR_CODES,
                    d.labelDropout(), d.mlpRatio(), null);
            TokenArConfig config = TokenArConfig.of(spec, train, geometry(), DataType.FLOAT);
            return new TokenArModel(config, new Tokenizer(geometry(), patch,
                    randomCodebook(patch * patch)), 1);
        }

        /** The model's sampler: DPM-Solver++(2M) at {@code stepsPerBlock}, or token sampling at temperature 1. */
        SamplerConfig sampler(int stepsPerBlock) {
            return ACDIT.equals(model)
                    ? new DiffusionSampling(Solver.DPM_SOLVER_PLUS_PLUS, stepsPerBlock)
                    : new TokenSampling(1.0, 0);
        }

        private static void atLeast(String option, int value, int least) {
            if (value < least) {
                throw new IllegalArgumentException(option + " must be at least " + least + ", got " + value);
            }
        }

        private static List<Integer> divisors(int n) {
            return IntStream.rangeClosed(1, n).filter(d -> n % d == 0).boxed().toList();
        }

        private static List<Integer> ropeHeads(int width) {
            return divisors(width).stream().filter(h -> (width / h) % 4 == 0).toList();
        }
    }

    /**
     * One block size's measurements; times are medians over the timed steps, sampling one call each. The peak
     * resident set is the process's highest so far, read after this block size's training and sampling: it covers
     * the earlier rows too (one JVM measures them all) and is empty where the kernel does not report it.
     */
    record Row(int block, int arLength, double stepSeconds, double stepCpuSeconds, double gflopPerStep,
               double peakGflops, double cachedSeconds, double uncachedSeconds, double cachedCpuSeconds,
               double uncachedCpuSeconds, int batch, int images, OptionalLong peakRssBytes) {

        double gflopPerSecond() {
            return gflopPerStep / stepSeconds;
        }

        String table() {
            return String.format(Locale.ROOT, "%5d | %6d | %6.3f | %10.3f | %5.1f | %10.2f | %7.1f | %5.1f%% | %18.4f | %8.4f"
                            + " | %7.2fx | %15.4f | %8.4f | %7.2fx | %11s",
                    block, arLength, stepSeconds, stepCpuSeconds, batch / stepSeconds, gflopPerStep, gflopPerSecond(),
                    100 * gflopPerSecond() / peakGflops, cachedSeconds / images, uncachedSeconds / images,
                    uncachedSeconds / cachedSeconds, cachedCpuSeconds / images, uncachedCpuSeconds / images,
                    uncachedCpuSeconds / cachedCpuSeconds, megabytes(peakRssBytes));
        }

        String json(Settings s) {
            return String.format(Locale.ROOT, "{\"model\":\"%s\",\"block\":%d,\"arLength\":%d,\"imageSize\":%d,"
                            + "\"patch\":%d,\"width\":%d,"
                            + "\"depth\":%d,\"heads\":%d,\"batch\":%d,\"microBatches\":%d,\"threads\":%d,"
                            + "\"sampleImages\":%d,\"sampleSteps\":%d,\"guidance\":%s,"
                            + "\"trainSecondsPerStep\":%.4f,\"trainCpuSecondsPerStep\":%.4f,\"gflopPerStep\":%.3f,"
                            + "\"gflopPerSecond\":%.2f,\"gemmPeakGflops\":%.1f,\"sampleSecondsPerImageCached\":%.5f,"
                            + "\"sampleSecondsPerImageUncached\":%.5f,\"sampleCpuSecondsPerImageCached\":%.5f,"
                            + "\"sampleCpuSecondsPerImageUncached\":%.5f,\"cacheSpeedup\":%.3f,\"cacheCpuSpeedup\":%.3f,"
                            + "\"peakRssBytes\":%s}",
                    s.model(), block, arLength, s.imageSize(), s.patch(), s.width(), s.depth(), s.heads(), batch,
                    s.microBatches(), s.threads(), images,
                    s.sampleSteps(), s.guidance(), stepSeconds, stepCpuSeconds, gflopPerStep, gflopPerSecond(),
                    peakGflops, cachedSeconds / images, uncachedSeconds / images, cachedCpuSeconds / images,
                    uncachedCpuSeconds / images, uncachedSeconds / cachedSeconds, uncachedCpuSeconds / cachedCpuSeconds,
                    jsonBytes(peakRssBytes));
        }
    }

    /**
     * One-step sampling calls before a timed one. After training, the JIT still compiles for seconds while sampling
     * (3.4 s of compiler CPU during the first full call of the reference model at AR 16, 2.0 s during the second),
     * which costs nothing with one thread but takes a core from two sampling lanes; one warm-up call of one image per
     * lane also ran on one lane only ({@code AcditSampler.MIN_LANE_WORK}), leaving the other lanes' graphs to be built
     * inside the timed call. After 1, 3 and 6 such calls a two-lane call took 0.071–0.088, 0.062 and 0.056–0.058
     * s/img, against 0.050–0.056 from the third full call on (docs/PERFORMANCE.md, sixteenth round).
     */
    static final int SAMPLING_WARM_UP_CALLS = 6;

    private ModelBenchmark() {
    }

    public static void run(Settings s, PrintStream out) {
        System.setProperty(RunThreads.PROPERTY, String.valueOf(s.threads()));
        int tokens = s.tokens();
        double peakSquare = gemmPeak(1024, 1024, 1024);
        double peakModel = gemmPeak(s.batch() * tokens, s.width(), 4 * s.width());
        double peak = Math.max(peakSquare, peakModel);
        if (!s.json()) {
            out.printf(Locale.ROOT, "OMP_NUM_THREADS=%s, %d processors%n", System.getenv("OMP_NUM_THREADS"),
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "GEMM peak (float): 1024^3 %.1f GFLOP/s; %dx%dx%d %.1f GFLOP/s%n", peakSquare,
                    s.batch() * tokens, s.width(), 4 * s.width(), peakModel);
            out.println("Model: " + s.describe()
                    + "; peak RSS: the process's highest resident set so far, after that row's training and sampling");
            out.println("block | AR len | s/step | CPU s/step | img/s | GFLOP/step | GFLOP/s | % peak | sample s/img cache"
                    + " | no cache | speed-up | CPU s/img cache | no cache | CPU speed-up | peak RSS MB");
        }
        for (int blockSize : s.blocks()) {
            Row row = measure(s, blockSize, peak);
            out.println(s.json() ? row.json(s) : row.table());
        }
    }

    private static Row measure(Settings s, int blockSize, double peak) {
        Geometry g = s.geometry();
        GenerativeModel model = s.createModel(blockSize, 1000);
        ImageBatch data = randomBatch(g, s.batch());
        for (int i = 0; i < s.warmup(); i++) {
            model.trainStep(data);
        }
        double[] times = new double[s.steps()];
        double[] cpuTimes = new double[s.steps()];
        for (int i = 0; i < s.steps(); i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            model.trainStep(data);
            times[i] = (System.nanoTime() - t0) / 1e9;
            cpuTimes[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        int[] labels = new int[s.sampleImages()];
        Arrays.setAll(labels, i -> i % g.classes());
        SamplerConfig solver = s.sampler(s.sampleSteps());
        double[] cached = sampleSeconds(model, s, new SampleRequest(labels, solver, s.guidance(), 1, true, true));
        double[] uncached = sampleSeconds(model, s, new SampleRequest(labels, solver, s.guidance(), 1, false, true));
        return new Row(blockSize, s.arLength(blockSize), median(times), median(cpuTimes),
                model.trainFlopsPerStep(s.batch()) / 1e9, peak, cached[0], uncached[0], cached[1], uncached[1],
                s.batch(), s.sampleImages(), ProcessMemory.peakResidentBytes());
    }

    /**
     * Wall-clock and main-thread CPU seconds of one sampling call, after {@link #SAMPLING_WARM_UP_CALLS} calls on the
     * same images with one solver step per block: every lane the timed call splits into has built its passes, and
     * the JIT has compiled what sampling runs, so the call is timed at the speed of later calls. With several
     * threads the main thread waits for the lanes, so its CPU seconds leave theirs out.
     */
    private static double[] sampleSeconds(GenerativeModel model, Settings s, SampleRequest request) {
        for (int i = 0; i < SAMPLING_WARM_UP_CALLS; i++) {
            model.sample(new SampleRequest(request.labels(), s.sampler(1), request.guidance(), 0, request.kvCache(),
                    false));
        }
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        model.sample(request);
        return new double[] {(System.nanoTime() - t0) / 1e9, (THREADS.getCurrentThreadCpuTime() - c0) / 1e9};
    }

    /** Best GFLOP/s of C = A·B over a few repetitions, into a preallocated C. */
    static double gemmPeak(int m, int k, int n) {
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = Nd4j.rand(DataType.FLOAT, k, n);
        INDArray c = Nd4j.create(DataType.FLOAT, m, n);
        double best = 0;
        for (int r = 0; r < 6; r++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            double s = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, 2.0 * m * k * n / s / 1e9);
        }
        return best;
    }

    /** {@code n} images of uniform random pixels in [-1, 1] with labels 0, 1, …, 9, 0, …: the same every call. */
    static ImageBatch randomBatch(Geometry g, int n) {
        HostRandom r = new HostRandom(3);
        float[] px = new float[n * g.valuesPerExample()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (2 * r.nextDouble() - 1);
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % g.classes());
        return new ImageBatch(g, px, labels);
    }

    /** K = {@value #TOKEN_AR_CODES} codes of uniform random values in [-1, 1]: timing and memory do not need a fitted one. */
    private static Codebook randomCodebook(int dimension) {
        HostRandom r = new HostRandom(5);
        float[] vectors = new float[TOKEN_AR_CODES * dimension];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = (float) (2 * r.nextDouble() - 1);
        }
        return new Codebook(TOKEN_AR_CODES, dimension, vectors);
    }

    /** Bytes as MB with one decimal, or "n/a". */
    static String megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.1f", bytes.getAsLong() / BYTES_PER_MB) : "n/a";
    }

    /** Bytes as a JSON number, or null. */
    static String jsonBytes(OptionalLong bytes) {
        return bytes.isPresent() ? Long.toString(bytes.getAsLong()) : "null";
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
