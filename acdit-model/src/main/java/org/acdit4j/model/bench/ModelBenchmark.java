package org.acdit4j.model.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.model.DiffusionSampling;
import org.acdit4j.model.AcditSpec;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.AcditModel;
import org.acdit4j.model.HostRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of the reference configuration (32×32×1, patch 4, width 128, depth 4, 4 heads, batch 64) for several
 * block sizes: seconds per training step, images/s, achieved GFLOP/s and its share of a single-thread
 * GEMM peak measured in the same run, and sampling seconds per image with and without the KV-cache.
 *
 * <p>Arguments are {@code key=value}: {@code blocks=1,4,16,64 steps=5 warmup=2 batch=64
 * sampleImages=64 sampleSteps=5 guidance=1.5}. Set OMP_NUM_THREADS before the JVM starts.
 */
public final class ModelBenchmark {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private ModelBenchmark() {
    }

    public static void main(String[] args) {
        run(args, System.out);
    }

    public static void run(String[] args, PrintStream out) {
        Map<String, String> opt = new HashMap<>(Map.of("blocks", "1,4,16,64", "steps", "5", "warmup", "2",
                "batch", "64", "sampleImages", "64", "sampleSteps", "5", "guidance", "1.5"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !opt.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown benchmark argument " + a + "; known keys: " + opt.keySet());
            }
            opt.put(kv[0], kv[1]);
        }
        int steps = Integer.parseInt(opt.get("steps"));
        int warmup = Integer.parseInt(opt.get("warmup"));
        int batch = Integer.parseInt(opt.get("batch"));
        int images = Integer.parseInt(opt.get("sampleImages"));
        int sampleSteps = Integer.parseInt(opt.get("sampleSteps"));
        double guidance = Double.parseDouble(opt.get("guidance"));
        out.printf(Locale.ROOT, "OMP_NUM_THREADS=%s, %d processors%n", System.getenv("OMP_NUM_THREADS"),
                Runtime.getRuntime().availableProcessors());
        double peakSquare = gemmPeak(1024, 1024, 1024);
        double peakModel = gemmPeak(64 * 124, 128, 512);
        out.printf(Locale.ROOT, "GEMM peak (float): 1024^3 %.1f GFLOP/s; 7936x128x512 %.1f GFLOP/s%n", peakSquare, peakModel);
        double peak = Math.max(peakSquare, peakModel);
        Geometry g = Geometry.image(1, 32, 32, 10);
        out.println("block | AR len | s/step | CPU s/step | img/s | GFLOP/step | GFLOP/s | % peak | sample s/img cache | no cache | speed-up | CPU s/img cache | no cache | CPU speed-up");
        for (String b : opt.get("blocks").split(",")) {
            int blockSize = Integer.parseInt(b.trim());
            AcditSpec spec = AcditSpec.defaults().withBlockSize(blockSize);
            TrainSpec train = new TrainSpec(1000, batch, 3e-4, 0.9, 0.999, 0.0, 1.0, "wsd", 100, 0.15, 0.999, "uniform");
            AcditModel model = AcditModel.create(spec, train, g, 1, DataType.FLOAT);
            ImageBatch data = randomBatch(g, batch);
            for (int i = 0; i < warmup; i++) {
                model.trainStep(data);
            }
            double[] times = new double[steps];
            double[] cpuTimes = new double[steps];
            for (int i = 0; i < steps; i++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                model.trainStep(data);
                times[i] = (System.nanoTime() - t0) / 1e9;
                cpuTimes[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            double perStep = median(times);
            double cpuPerStep = median(cpuTimes);
            double flops = model.trainFlopsPerStep(batch);
            int[] labels = new int[images];
            Arrays.setAll(labels, i -> i % g.classes());
            double[] cachedT = sampleSeconds(model, new SampleRequest(labels, new DiffusionSampling("dpm-solver++", sampleSteps), guidance, 1, true, true));
            double[] uncachedT = sampleSeconds(model, new SampleRequest(labels, new DiffusionSampling("dpm-solver++", sampleSteps), guidance, 1, false, true));
            double cached = cachedT[0];
            double uncached = uncachedT[0];
            out.printf(Locale.ROOT, "%5d | %6d | %6.3f | %10.3f | %5.1f | %10.2f | %7.1f | %5.1f%% | %18.4f | %8.4f | %7.2fx | %15.4f | %8.4f | %7.2fx%n",
                    blockSize, 64 / blockSize, perStep, cpuPerStep, batch / perStep, flops / 1e9, flops / perStep / 1e9,
                    100 * flops / perStep / 1e9 / peak, cached / images, uncached / images, uncached / cached,
                    cachedT[1] / images, uncachedT[1] / images, uncachedT[1] / cachedT[1]);
        }
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
