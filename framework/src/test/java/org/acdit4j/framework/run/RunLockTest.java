package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock between real processes: held, it names its holder; its holder killed, it is free at once. */
class RunLockTest {

    @TempDir
    Path work;

    @Test
    void aLockHeldByAnotherProcessNamesItAndIsFreedWhenThatProcessIsKilled() throws Exception {
        RunFolder folder = new RunFolder(work.resolve("runs/experiment/run"));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RunLockHolder.class.getName(), folder.root().toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("held");

            assertThat(RunLock.tryAcquire(folder)).isEmpty();
            assertThat(RunLock.holder(folder)).hasValueSatisfying(text -> assertThat(text)
                    .startsWith("pid " + holder.pid() + " on host "));
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(RunLock.holder(folder)).isEmpty();
        Optional<RunLock> mine = RunLock.tryAcquire(folder);
        assertThat(mine).isPresent();
        assertThat(RunLock.holder(folder)).as("held in this process").isPresent();
        mine.get().close();
        assertThat(RunLock.holder(folder)).isEmpty();
    }
}
