package org.acdit4j.framework.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * JavaCPP's native-memory limits (ND4J allocates through JavaCPP) set from the machine instead of JavaCPP's defaults,
 * which derive from the heap limit (a 32 GiB resident-set cap under {@code -Xmx8g}, more than a 24 GiB machine has),
 * and the one-line explanation of a run stopped by one of them.
 *
 * <p>JavaCPP checks {@value #MAX_PHYSICAL_BYTES} against the process's resident set when it allocates; past it, it
 * collects garbage and retries, then throws {@link OutOfMemoryError}. A JVM of a sweep gets its share of the
 * machine ({@link #childJvmFlags}); a user's own setting (through {@code ACDIT_JAVA_OPTS}) always wins.
 */
public final class MemoryLimits {

    /** JavaCPP's cap on the resident set of the process. */
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    /** JavaCPP's cap on the bytes of the native buffers it tracks itself. */
    public static final String MAX_BYTES = "org.bytedeco.javacpp.maxBytes";
    /** Share of the machine's memory that all JVMs of one command may hold together. */
    static final double MACHINE_SHARE = 0.9;
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private MemoryLimits() {
    }

    /** The machine's memory ({@code MemTotal}); empty where the kernel does not report it. */
    public static OptionalLong machineBytes() {
        return meminfo("MemTotal:");
    }

    /** Memory the kernel can give without swapping now ({@code MemAvailable}); empty where not reported. */
    public static OptionalLong availableBytes() {
        return meminfo("MemAvailable:");
    }

    /**
     * Sets JavaCPP's limits for this JVM when nobody has set them, for one of {@code jvms} JVMs sharing the machine.
     * Call before anything allocates through JavaCPP (its limits are read once, when its first class loads).
     */
    public static void applyDefaults(int jvms) {
        share(jvms).ifPresent(bytes -> {
            if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
                System.setProperty(MAX_PHYSICAL_BYTES, Long.toString(bytes));
            }
            if (System.getProperty(MAX_BYTES) == null) {
                System.setProperty(MAX_BYTES, Long.toString(bytes));
            }
        });
    }

    /** The {@code -D} flags that give a child JVM its share of the machine, but for the limits this JVM was given. */
    public static List<String> childJvmFlags(int jvms, List<String> ownJvmArguments) {
        List<String> flags = new ArrayList<>();
        OptionalLong share = share(jvms);
        if (share.isEmpty()) {
            return flags;
        }
        for (String property : List.of(MAX_PHYSICAL_BYTES, MAX_BYTES)) {
            if (ownJvmArguments.stream().noneMatch(argument -> argument.startsWith("-D" + property + "="))) {
                flags.add("-D" + property + "=" + share.getAsLong());
            }
        }
        return flags;
    }

    /**
     * One line for a run stopped by memory: which limit, its value, and the setting that raises it.
     */
    public static String explain(OutOfMemoryError error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.contains("Physical memory usage is too high")) {
            return "out of native memory: the resident set reached " + MAX_PHYSICAL_BYTES + "="
                    + gigabytes(System.getProperty(MAX_PHYSICAL_BYTES)) + " (this JVM's share of the machine); raise it"
                    + " with ACDIT_JAVA_OPTS=\"-D" + MAX_PHYSICAL_BYTES + "=16g\" or run fewer --workers";
        }
        if (message.contains("Cannot allocate") || message.contains("totalBytes")) {
            return "out of native memory: JavaCPP's " + MAX_BYTES + "=" + gigabytes(System.getProperty(MAX_BYTES))
                    + " was reached; raise it with ACDIT_JAVA_OPTS=\"-D" + MAX_BYTES + "=16g\"";
        }
        return "out of Java heap (" + message + ") at -Xmx" + gigabytes(Long.toString(Runtime.getRuntime().maxMemory()))
                + "; raise it with ACDIT_JAVA_OPTS=\"-Xmx4g\"";
    }

    private static OptionalLong share(int jvms) {
        OptionalLong machine = machineBytes();
        if (machine.isEmpty() || jvms < 1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) (machine.getAsLong() * MACHINE_SHARE / jvms));
    }

    private static String gigabytes(String bytes) {
        if (bytes == null) {
            return "JavaCPP's default";
        }
        try {
            return String.format(Locale.ROOT, "%.1f GB", Long.parseLong(bytes) / 1e9);
        } catch (NumberFormatException e) {
            return bytes;
        }
    }

    private static OptionalLong meminfo(String field) {
        return ProcessMemory.kilobyteField(MEMINFO, field);
    }
}
