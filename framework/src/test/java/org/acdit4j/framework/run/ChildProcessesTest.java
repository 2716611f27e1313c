package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping a sweep's children: live ones get a signal, none starts afterwards (real processes). */
class ChildProcessesTest {

    @Test
    void stoppingSignalsTheLiveChildrenAndRefusesNewOnes() throws IOException, InterruptedException {
        ChildProcesses children = new ChildProcesses();
        Process sleeper = children.start(new ProcessBuilder("sleep", "60"), "run-a");
        Process finished = children.start(new ProcessBuilder("true"), "run-b");
        finished.waitFor();
        children.ended(finished);

        long start = System.nanoTime();
        children.stopAll(10);

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(sleeper.exitValue()).as("ended by SIGTERM").isEqualTo(143);
        assertThat((System.nanoTime() - start) / 1e9).as("no wait beyond the child's exit").isLessThan(5);
        assertThatThrownBy(() -> children.start(new ProcessBuilder("sleep", "60"), "run-c"))
                .isInstanceOf(IllegalStateException.class).hasMessage("not starting run-c: the sweep is stopping");
    }

    @Test
    void aChildThatIgnoresTheSignalIsKilledAtTheDeadline() throws IOException, InterruptedException {
        ChildProcesses children = new ChildProcesses();
        Process stubborn = children.start(new ProcessBuilder("bash", "-c",
                "trap '' TERM; while true; do sleep 0.1; done"), "run-a");
        sleepUntilTheTrapIsSet();

        children.stopAll(1);

        assertThat(stubborn.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stubborn.exitValue()).as("ended by SIGKILL").isEqualTo(137);
    }

    private static void sleepUntilTheTrapIsSet() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
