package org.acdit4j.framework.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only the differentiation lines are dropped, only while the action runs, and the console comes back. */
class DifferentiationNoiseTest {

    @Test
    void dropsTheNoiseLinesAndKeepsEverythingElse() {
        String output = capture(() -> DifferentiationNoise.suppressDuring(() -> {
            System.out.println("Added differentiated op add_1");
            System.out.println("a real warning");
            System.out.println("  Added differentiated op is only noise at the start of a line");
        }));

        assertThat(output).isEqualTo("a real warning" + System.lineSeparator()
                + "  Added differentiated op is only noise at the start of a line" + System.lineSeparator());
    }

    @Test
    void theConsoleIsRestoredEvenWhenTheActionFails() {
        PrintStream before = System.out;
        assertThatThrownBy(() -> DifferentiationNoise.suppressDuring(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(System.out).isSameAs(before);
    }

    @Test
    void outsideTheActionNothingIsFiltered() {
        String output = capture(() -> {
            DifferentiationNoise.suppressDuring(() -> { });
            System.out.println("Added differentiated op mul_2");
        });
        assertThat(output).isEqualTo("Added differentiated op mul_2" + System.lineSeparator());
    }

    private static String capture(Runnable action) {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
