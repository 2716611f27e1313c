package org.acdit4j.model.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.AcditModel;
import org.acdit4j.model.AcditSpec;
import org.acdit4j.model.DiffusionSampling;
import org.acdit4j.model.HostRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of one model configuration (by default the reference: 32×32×1, patch 4, width 128, depth 4, 4 heads,
 * batch 64) for several block sizes: seconds per training step, images/s, achieved GFLOP/s and its share of a
 * single-thread GEMM peak measured in the same run, and sampling seconds per image with and without the
 * KV-cache, in wall and main-thread CPU time. Prints a table, or with {@link Settings#json} one JSON object
 * per block size. Set OMP_NUM_THREADS before the JVM starts. The command line is {@code acdit bench}.
 */
public final class ModelBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int CLASSES = 10;

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
     * @param json         one JSON line per block size instead of the table
     */
    public record Settings(List<Integer> blocks, int steps, int warmup, int batch, int sampleImages, int sampleSteps,
                           double guidance, int imageSize, int patch, int width, int depth, int heads, boolean json) {

        public Settings {
            blocks = List.copyOf(blocks);
            if (blocks.isEmpty() || steps < 1 || warmup < 0 || batch < 1 || sampleImages < 1 || sampleSteps < 1) {
                throw new IllegalArgumentException("bench needs at least one block size, steps >= 1, warmup >= 0,"
                        + " batch >= 1, sample images >= 1 and sample steps >= 1");
            }
        }

        /** The reference configuration of docs/PERFORMANCE.md. */
        public static Settings reference() {
            return new Settings(List.of(1, 4, 16, 64), 5, 2, 64, 64, 5, 1.5, 32, 4, 128, 4, 4, false);
        }

        AcditSpec spec(int blockSize) {
            AcditSpec d = AcditSpec.defaults();
            return new AcditSpec(width, depth, heads, patch, blockSize, d.blockShape(), d.rope(), d.context(),
                    d.labelDropout(), d.mlpRatio(), d.objective());
        }

        Geometry geometry() {
            return Geometry.image(1, imageSize, imageSize, CLASSES);
        }

        int tokens() {
            return (imageSize / patch) * (imageSize / patch);
        }
    }

    /** One block size's measurements; times are medians over the timed steps, sampling one call each. */
    record Row(int block, int arLength, double stepSeconds, double stepCpuSeconds, double gflopPerStep,
               double peakGflops, double cachedSeconds, double uncachedSeconds, double cachedCpuSeconds,
               double uncachedCpuSeconds, int batch, int images) {

        double gflopPerSecond() {
            return gflopPerStep / stepSeconds;
        }

        String table() {
            return String.format(Locale.ROOT, "%5d | %6d | %6.3f | %10.3f | %5.1f | %10.2f | %7.1f | %5.1f%% | %18.4f | %8.4f"
                            + " | %7.2fx | %15.4f | %8.4f | %7.2fx",
                    block, arLength, stepSeconds, stepCpuSeconds, batch / stepSeconds, gflopPerStep, gflopPerSecond(),
                    100 * gflopPerSecond() / peakGflops, cachedSeconds / images, uncachedSeconds / images,
                    uncachedSeconds / cachedSeconds, cachedCpuSeconds / images, uncachedCpuSeconds / images,
                    uncachedCpuSeconds / cachedCpuSeconds);
        }

        String json(Settings s) {
            return String.format(Locale.ROOT, "{\"block\":%d,\"arLength\":%d,\"imageSize\":%d,\"patch\":%d,\"width\":%d,"
                            + "\"depth\":%d,\"heads\":%d,\"batch\":%d,\"sampleImages\":%d,\"sampleSteps\":%d,\"guidance\":%s,"
                            + "\"trainSecondsPerStep\":%.4f,\"trainCpuSecondsPerStep\":%.4f,\"gflopPerStep\":%.3f,"
                            + "\"gflopPerSecond\":%.2f,\"gemmPeakGflops\":%.1f,\"sampleSecondsPerImageCached\":%.5f,"
                            + "\"sampleSecondsPerImageUncached\":%.5f,\"sampleCpuSecondsPerImageCached\":%.5f,"
                            + "\"sampleCpuSecondsPerImageUncached\":%.5f,\"cacheSpeedup\":%.3f,\"cacheCpuSpeedup\":%.3f}",
                    block, arLength, s.imageSize(), s.patch(), s.width(), s.depth(), s.heads(), batch, images,
                    s.sampleSteps(), s.guidance(), stepSeconds, stepCpuSeconds, gflopPerStep, gflopPerSecond(),
                    peakGflops, cachedSeconds / images, uncachedSeconds / images, cachedCpuSeconds / images,
                    uncachedCpuSeconds / images, uncachedSeconds / cachedSeconds, uncachedCpuSeconds / cachedCpuSeconds);
        }
    }

    private ModelBenchmark() {
    }

    public static void run(Settings s, PrintStream out) {
        int tokens = s.tokens();
        double peakSquare = gemmPeak(1024, 1024, 1024);
        double peakModel = gemmPeak(s.batch() * tokens, s.width(), 4 * s.width());
        double peak = Math.max(peakSquare, peakModel);
        if (!s.json()) {
            out.printf(Locale.ROOT, "OMP_NUM_THREADS=%s, %d processors%n", System.getenv("OMP_NUM_THREADS"),
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "GEMM peak (float): 1024^3 %.1f GFLOP/s; %dx%dx%d %.1f GFLOP/s%n", peakSquare,
                    s.batch() * tokens, s.width(), 4 * s.width(), peakModel);
            out.println("block | AR len | s/step | CPU s/step | img/s | GFLOP/step | GFLOP/s | % peak | sample s/img cache"
                    + " | no cache | speed-up | CPU s/img cache | no cache | CPU speed-up");
        }
        for (int blockSize : s.blocks()) {
            Row row = measure(s, blockSize, peak);
            out.println(s.json() ? row.json(s) : row.table());
        }
    }

    private static Row measure(Settings s, int blockSize, double peak) {
        Geometry g = s.geometry();
        TrainSpec train = new TrainSpec(1000, s.batch(), 3e-4, 0.9, 0.999, 0.0, 1.0, "wsd", 100, 0.15, 0.999, "uniform");
        AcditModel model = AcditModel.create(s.spec(blockSize), train, g, 1, DataType.FLOAT);
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
        DiffusionSampling solver = new DiffusionSampling(DiffusionSampling.DPM_SOLVER_PLUS_PLUS, s.sampleSteps());
        double[] cached = sampleSeconds(model, new SampleRequest(labels, solver, s.guidance(), 1, true, true));
        double[] uncached = sampleSeconds(model, new SampleRequest(labels, solver, s.guidance(), 1, false, true));
        return new Row(blockSize, s.tokens() / blockSize, median(times), median(cpuTimes),
                model.trainFlopsPerStep(s.batch()) / 1e9, peak, cached[0], uncached[0], cached[1], uncached[1],
                s.batch(), s.sampleImages());
    }

    /** Wall-clock and main-thread CPU seconds of one sampling call, after a one-image warm-up. */
    private static double[] sampleSeconds(AcditModel model, SampleRequest request) {
        DiffusionSampling oneStep = new DiffusionSampling(DiffusionSampling.of(request.sampler()).solver(), 1);
        model.sample(new SampleRequest(new int[] {0}, oneStep, request.guidance(), 0, request.kvCache(), false));
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

    private static ImageBatch randomBatch(Geometry g, int n) {
        HostRandom r = new HostRandom(3);
        float[] px = new float[n * g.valuesPerExample()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (2 * r.nextDouble() - 1);
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % g.classes());
        return new ImageBatch(g, px, labels);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
