package org.acdit4j.model.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalLong;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.system.ProcessMemory;
import org.acdit4j.framework.system.RunThreads;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The soak mode of {@code acdit bench} ({@code --soak N}): trains N steps of one configuration of
 * {@link ModelBenchmark.Settings} on one fixed batch of random images (the bench's; no data set is read), reads the
 * resident set after every step and reports every {@code every} steps the step, the resident set, its peak so far,
 * the heap in use and the seconds per step since the previous report. At the end: the least-squares slope of the
 * resident set in MB per 1,000 steps over the steps from {@code slopeFrom} on, so a leak shows as a clearly
 * positive slope and a flat run as about 0, and the peak resident set. Text lines, or with
 * {@link ModelBenchmark.Settings#json} one JSON object per report and a final summary object. Linux only (the
 * resident set comes from {@code /proc/self/status}).
 */
public final class MemorySoak {

    private static final double BYTES_PER_MB = 1024.0 * 1024.0;
    /** Where the slope starts by default: after the first steps' warm-up growth (compilation, caches, pools). */
    public static final int DEFAULT_SLOPE_FROM = 500;

    /**
     * How long to soak and what to report.
     *
     * @param steps     training steps
     * @param every     a report line every this many steps (and after the last)
     * @param slopeFrom the first step whose resident set enters the slope
     */
    public record Plan(int steps, int every, int slopeFrom) {

        /** Checks the numbers; a bad one is a one-line error naming its {@code acdit bench} option and range. */
        public Plan {
            if (steps < 2) {
                throw new IllegalArgumentException("--soak must be at least 2 steps, got " + steps);
            }
            if (every < 1 || every > steps) {
                throw new IllegalArgumentException("--soak-every must be between 1 and " + steps
                        + " (the soak's steps), got " + every);
            }
            if (slopeFrom < 1 || slopeFrom > steps - 1) {
                throw new IllegalArgumentException("--slope-from must be between 1 and " + (steps - 1)
                        + " (two steps or more enter the slope), got " + slopeFrom);
            }
        }

        /** {@value #DEFAULT_SLOPE_FROM}, or half the soak when it is shorter than twice that. */
        public static int defaultSlopeFrom(int steps) {
            return Math.max(1, Math.min(DEFAULT_SLOPE_FROM, steps / 2));
        }
    }

    /** The least-squares line through (step, resident set) of the steps from {@code from} on. */
    static final class RssTrend {

        private final int from;
        private final SimpleRegression regression = new SimpleRegression();

        RssTrend(int from) {
            this.from = from;
        }

        void add(long step, long residentBytes) {
            if (step >= from) {
                regression.addData(step, residentBytes / BYTES_PER_MB);
            }
        }

        /** Samples in the fit. */
        long samples() {
            return regression.getN();
        }

        /** Growth of the resident set in MB per 1,000 steps; NaN with fewer than two samples. */
        double mbPerThousandSteps() {
            return 1000 * regression.getSlope();
        }
    }

    private MemorySoak() {
    }

    /** Soaks {@code s} at its one block size as {@code plan} says, printing to {@code out}. */
    public static void run(ModelBenchmark.Settings s, Plan plan, PrintStream out) {
        System.setProperty(RunThreads.PROPERTY, String.valueOf(s.threads()));
        if (s.blocks().size() != 1) {
            throw new IllegalArgumentException("--soak trains one block size, give one with --blocks, got "
                    + s.blocks());
        }
        if (ProcessMemory.residentBytes().isEmpty()) {
            throw new IllegalStateException("--soak needs the resident set from /proc/self/status, which this system"
                    + " does not have (Linux only)");
        }
        int block = s.blocks().get(0);
        if (!s.json()) {
            out.printf(Locale.ROOT, "Soak: %s, block %d (AR length %d); %d steps on one fixed random batch;"
                            + " RSS slope over the steps from %d on%n", s.describe(), block, s.arLength(block),
                    plan.steps(), plan.slopeFrom());
            out.println("   step |   RSS MB | peak RSS MB | heap MB | s/step");
        }
        GenerativeModel model = s.createModel(block, plan.steps());
        ImageBatch data = ModelBenchmark.randomBatch(s.geometry(), s.batch());
        RssTrend trend = new RssTrend(plan.slopeFrom());
        long start = System.nanoTime();
        long intervalStart = start;
        int intervalFirstStep = 1;
        for (int step = 1; step <= plan.steps(); step++) {
            model.trainStep(data);
            long resident = ProcessMemory.residentBytes().orElseThrow();
            trend.add(step, resident);
            if (step % plan.every() == 0 || step == plan.steps()) {
                long now = System.nanoTime();
                double secondsPerStep = (now - intervalStart) / 1e9 / (step - intervalFirstStep + 1);
                long heapUsed = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                out.println(s.json()
                        ? reportJson(step, resident, ProcessMemory.peakResidentBytes(), heapUsed, secondsPerStep)
                        : reportLine(step, resident, ProcessMemory.peakResidentBytes(), heapUsed, secondsPerStep));
                intervalStart = now;
                intervalFirstStep = step + 1;
            }
        }
        double secondsPerStep = (System.nanoTime() - start) / 1e9 / plan.steps();
        out.println(s.json()
                ? summaryJson(s, block, plan, trend, secondsPerStep)
                : String.format(Locale.ROOT, "RSS slope over steps %d-%d: %+.1f MB per 1,000 steps (%d samples);"
                        + " peak RSS %s MB; peak heap %.1f MB; %.3f s/step overall", plan.slopeFrom(), plan.steps(),
                        trend.mbPerThousandSteps(), trend.samples(),
                        ModelBenchmark.megabytes(ProcessMemory.peakResidentBytes()),
                        ProcessMemory.peakHeapBytes() / BYTES_PER_MB, secondsPerStep));
    }

    static String reportLine(int step, long resident, OptionalLong peak, long heapUsed, double secondsPerStep) {
        return String.format(Locale.ROOT, "%7d | %8.1f | %11s | %7.1f | %6.3f", step, resident / BYTES_PER_MB,
                ModelBenchmark.megabytes(peak), heapUsed / BYTES_PER_MB, secondsPerStep);
    }

    static String reportJson(int step, long resident, OptionalLong peak, long heapUsed, double secondsPerStep) {
        return String.format(Locale.ROOT, "{\"step\":%d,\"rssBytes\":%d,\"peakRssBytes\":%s,\"heapUsedBytes\":%d,"
                + "\"secondsPerStep\":%.4f}", step, resident, ModelBenchmark.jsonBytes(peak), heapUsed, secondsPerStep);
    }

    private static String summaryJson(ModelBenchmark.Settings s, int block, Plan plan, RssTrend trend,
                                      double secondsPerStep) {
        return String.format(Locale.ROOT, "{\"summary\":true,\"model\":\"%s\",\"imageSize\":%d,\"patch\":%d,"
                        + "\"width\":%d,\"depth\":%d,\"heads\":%d,\"batch\":%d,\"block\":%d,\"arLength\":%d,"
                        + "\"data\":\"fixed random batch\",\"steps\":%d,\"slopeFromStep\":%d,\"slopeSamples\":%d,"
                        + "\"rssSlopeMbPer1000Steps\":%.3f,\"peakRssBytes\":%s,\"peakHeapBytes\":%d,"
                        + "\"secondsPerStep\":%.4f}",
                s.model(), s.imageSize(), s.patch(), s.width(), s.depth(), s.heads(), s.batch(), block,
                s.arLength(block), plan.steps(), plan.slopeFrom(), trend.samples(),
                trend.mbPerThousandSteps(),
                ModelBenchmark.jsonBytes(ProcessMemory.peakResidentBytes()), ProcessMemory.peakHeapBytes(),
                secondsPerStep);
    }
}
