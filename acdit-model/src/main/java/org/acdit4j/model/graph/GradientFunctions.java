package org.acdit4j.model.graph;

import java.io.PrintStream;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Builds a graph's gradient function without SameDiff 1.0.0-M2.1's console noise: {@code createGradFunction}
 * prints one "Added differentiated op …" line per op straight to {@code System.out} (hundreds per graph, in
 * every {@code train.log}), which no logging setting reaches. While it runs, {@code System.out} drops exactly
 * those lines and passes everything else through unchanged.
 */
public final class GradientFunctions {

    static final String NOISE_PREFIX = "Added differentiated op ";

    private GradientFunctions() {
    }

    /** {@code sd.createGradFunction()} unless the graph already has one. */
    public static synchronized void ensure(SameDiff sd) {
        if (sd.getFunction("grad") != null) {
            return;
        }
        PrintStream console = System.out;
        System.setOut(new WithoutDifferentiationNoise(console));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(console);
        }
    }

    /** Forwards everything to the wrapped stream but the "Added differentiated op" lines. */
    static final class WithoutDifferentiationNoise extends PrintStream {

        private final PrintStream target;

        WithoutDifferentiationNoise(PrintStream target) {
            super(target, true);
            this.target = target;
        }

        @Override
        public void println(String line) {
            if (line == null || !line.startsWith(NOISE_PREFIX)) {
                target.println(line);
            }
        }
    }
}
