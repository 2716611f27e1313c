package org.acdit4j.framework.run;

/** Removal of a JVM shutdown hook whose work is done, tolerating a JVM that is already exiting. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /** Removes {@code hook}; while the JVM is shutting down it stays and runs, which callers make harmless. */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
    }
}
