package org.acdit4j.framework.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This JVM's memory as the kernel and the JVM account it: the resident set (native buffers of ND4J included) now
 * and at its peak, from {@code /proc/self/status}, and the Java heap's peak use. The resident set is what the
 * machine runs out of; the heap is what {@code -Xmx} bounds.
 */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Resident set size now ({@code VmRSS}); empty where the kernel does not report it (not Linux). */
    public static OptionalLong residentBytes() {
        return statusKilobytes("VmRSS:");
    }

    /** Highest resident set size of the process so far ({@code VmHWM}); empty where not reported. */
    public static OptionalLong peakResidentBytes() {
        return statusKilobytes("VmHWM:");
    }

    /** Java heap in use at the peak of each heap pool, summed: an upper bound of the heap's peak use. */
    public static long peakHeapBytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes;
    }

    private static OptionalLong statusKilobytes(String field) {
        return kilobyteField(STATUS, field);
    }

    /** A "{@code Field:   123 kB}" line of a kernel file under {@code /proc}, in bytes; empty where absent. */
    static OptionalLong kilobyteField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
