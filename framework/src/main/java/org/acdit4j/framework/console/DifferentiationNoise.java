package org.acdit4j.framework.console;

import java.io.PrintStream;

/**
 * Silences SameDiff 1.0.0-M2.1's differentiation noise: building a graph's gradient function
 * ({@code SameDiff#createGradFunction}, also reached from the first {@code fit}) prints one
 * "Added differentiated op …" line per op straight to {@code System.out}, hundreds per graph, and no logging
 * setting reaches it. While {@link #suppressDuring} runs its action, {@code System.out} drops exactly those lines
 * and passes everything else through unchanged. It lives here, without a SameDiff dependency, so the model
 * plugins and the evaluators' feature networks share one filter.
 */
public final class DifferentiationNoise {

    static final String LINE_PREFIX = "Added differentiated op ";

    private DifferentiationNoise() {
    }

    /** Runs {@code action} with the noise lines dropped from {@code System.out}, and restores the stream after. */
    public static synchronized void suppressDuring(Runnable action) {
        PrintStream console = System.out;
        System.setOut(new WithoutNoise(console));
        try {
            action.run();
        } finally {
            System.setOut(console);
        }
    }

    /** Forwards everything to the wrapped stream but the noise lines. */
    static final class WithoutNoise extends PrintStream {

        private final PrintStream target;

        WithoutNoise(PrintStream target) {
            super(target, true);
            this.target = target;
        }

        @Override
        public void println(String line) {
            if (line == null || !line.startsWith(LINE_PREFIX)) {
                target.println(line);
            }
        }
    }
}
