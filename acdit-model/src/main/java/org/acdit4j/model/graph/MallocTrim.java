package org.acdit4j.model.graph;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Hands the free pages of the C heap back to the operating system (glibc's {@code malloc_trim(0)}). ND4J allocates
 * its arrays with malloc, and the launcher's malloc settings keep freed memory in the process so that training's
 * allocations of the same sizes are cheap (docs/PERFORMANCE.md); memory that an evaluation used and freed would stay
 * resident until the run ends. A no-op where the C library has no {@code malloc_trim} (not glibc).
 */
public final class MallocTrim {

    private static final Function TRIM = lookUp();

    private MallocTrim() {
    }

    /** Releases the free pages of every malloc arena; true if any memory went back to the system. */
    public static boolean trim() {
        return TRIM != null && TRIM.invokeInt(new Object[] {0L}) == 1;   // size_t pad = 0
    }

    private static Function lookUp() {
        try {
            return NativeLibrary.getProcess().getFunction("malloc_trim");
        } catch (UnsatisfiedLinkError notGlibc) {
            return null;
        }
    }
}
