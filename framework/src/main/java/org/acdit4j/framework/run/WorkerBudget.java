package org.acdit4j.framework.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.acdit4j.framework.spec.RunMetrics;
import org.acdit4j.framework.system.MemoryLimits;
import org.acdit4j.framework.tracking.RunStatus;

/**
 * How many runs of a sweep may train at once on this machine: one per core, as many as the memory holds. A run's
 * expected peak is the largest peak resident set that the sweep's finished runs measured
 * ({@link RunMetrics#PEAK_RSS_BYTES}); before any has finished, {@link #ASSUMED_PEAK_BYTES}, the largest of the
 * models measured in docs/PERFORMANCE.md ("Memory").
 *
 * @param cores          cores of the machine
 * @param availableBytes memory the kernel can give now; empty where unknown
 * @param expectedPeak   expected peak resident set of one run
 * @param measured       whether {@code expectedPeak} was measured by finished runs of the sweep
 */
public record WorkerBudget(int cores, OptionalLong availableBytes, long expectedPeak, boolean measured) {

    /** The 32×32 reference model's peak (2.6 GB), rounded up: no experiment's model is larger. */
    public static final long ASSUMED_PEAK_BYTES = 3_000_000_000L;

    /** This machine, with the expected peak from the finished ones among {@code runs}. */
    public static WorkerBudget of(List<RunFolder> runs) {
        OptionalLong peak = runs.stream().map(RunFolder::record).flatMap(Optional::stream)
                .filter(record -> record.status() == RunStatus.FINISHED && record.metrics() != null)
                .map(record -> record.metrics().get(RunMetrics.PEAK_RSS_BYTES.text())).filter(bytes -> bytes != null)
                .mapToLong(Double::longValue).max();
        return new WorkerBudget(Runtime.getRuntime().availableProcessors(), MemoryLimits.availableBytes(),
                peak.orElse(ASSUMED_PEAK_BYTES), peak.isPresent());
    }

    /** One worker per core, as many as the available memory holds at the expected peak, at least one. */
    public int defaultWorkers() {
        int byMemory = availableBytes.isEmpty() ? cores : (int) Math.min(cores, availableBytes.getAsLong() / expectedPeak);
        return Math.max(1, Math.min(cores, byMemory));
    }

    /** A warning when {@code workers} runs at the expected peak would need more memory than is available. */
    public Optional<String> warning(int workers) {
        if (availableBytes.isEmpty() || (long) workers * expectedPeak <= availableBytes.getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "warning: %d workers × %.1f GB expected peak per run (%s) exceed "
                        + "the %.1f GB of memory available; runs may fail for memory: lower --workers to %d", workers,
                expectedPeak / 1e9, measured ? "measured by this sweep's finished runs" : "assumed before any run has "
                        + "finished", availableBytes.getAsLong() / 1e9, defaultWorkers()));
    }
}
