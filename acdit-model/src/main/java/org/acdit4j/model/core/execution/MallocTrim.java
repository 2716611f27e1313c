package org.acdit4j.model.core.execution;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Hands the free pages of the C heap back to the operating system. ND4J allocates its arrays with malloc, and the
 * launcher keeps freed memory in the process so that training's allocations of the same sizes are cheap
 * (docs/PERFORMANCE.md, "Memory"): glibc's malloc with a high trim threshold, or jemalloc with page decay off
 * ({@code ACDIT_MALLOC=jemalloc}). Memory that an evaluation used and freed would then stay resident until the run
 * ends, so {@link #trim()} purges every jemalloc arena ({@code mallctl("arena.4096.purge")}) when jemalloc serves
 * malloc, and calls glibc's {@code malloc_trim(0)} otherwise; a no-op under any other allocator.
 */
public final class MallocTrim {

    /** The C allocator that serves malloc in this process. */
    public enum Allocator { JEMALLOC, GLIBC, OTHER }

    /** {@code MALLCTL_ARENAS_ALL}: the pseudo-arena index that names every arena. */
    private static final String PURGE_ALL_ARENAS = "arena.4096.purge";
    /** jemalloc's control entry point: present only where jemalloc is the process's malloc (preloaded). */
    private static final Function JEMALLOC_CTL = lookUp("mallctl");
    private static final Function GLIBC_TRIM = lookUp("malloc_trim");

    private MallocTrim() {
    }

    public static Allocator allocator() {
        if (JEMALLOC_CTL != null) {
            return Allocator.JEMALLOC;
        }
        return GLIBC_TRIM != null ? Allocator.GLIBC : Allocator.OTHER;
    }

    /**
     * Releases the free pages of every malloc arena. True if the allocator did: jemalloc's purge succeeded, or
     * glibc's trim returned some memory to the system.
     */
    public static boolean trim() {
        return switch (allocator()) {
            case JEMALLOC -> JEMALLOC_CTL.invokeInt(new Object[] {PURGE_ALL_ARENAS, null, null, null, 0L}) == 0;
            case GLIBC -> GLIBC_TRIM.invokeInt(new Object[] {0L}) == 1;                // size_t pad = 0
            case OTHER -> false;
        };
    }

    private static Function lookUp(String symbol) {
        try {
            return NativeLibrary.getProcess().getFunction(symbol);
        } catch (UnsatisfiedLinkError absent) {
            return null;
        }
    }
}
