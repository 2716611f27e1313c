package org.acdit4j.tracking;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The runs a tracker has opened and not yet ended, so that closing the tracker can flush them. A run leaves when
 * it ends: its tracker passes {@link #remove} as the run's end callback.
 */
public final class OpenRuns<R extends CheckedRun> {

    private final Set<R> runs = ConcurrentHashMap.newKeySet();

    /** Adds a run just opened; returns it. */
    public R add(R run) {
        runs.add(run);
        return run;
    }

    /** Removes a run that has ended. */
    public void remove(CheckedRun run) {
        runs.remove(run);
    }

    /** Applies {@code flush} to every run still open, then closes the tracker's resources even when a flush fails. */
    public void closeAfter(Consumer<R> flush, Runnable closeTracker) {
        try {
            List.copyOf(runs).forEach(flush);
        } finally {
            closeTracker.run();
        }
    }
}
