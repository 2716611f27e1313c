package org.acdit4j.tracking.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Runs the writer programs of the multi-process tests as child JVMs and checks how they ended. */
public final class ChildWriters {

    private ChildWriters() {
    }

    /**
     * Starts children "A" and "B" of {@code main} with {@code argsOf(label)} and then the go file (in {@code folder},
     * where their logs go too), waits {@code headStart} for both JVMs to be up, writes the go file so that they log at
     * once, and checks that both exit with 0 within 90 s.
     */
    public static void runTwoAtOnce(Class<?> main, Path folder, Duration headStart,
                                    Function<String, List<String>> argsOf) throws Exception {
        Path go = folder.resolve("go");
        Process a = start(main, folder.resolve("a.log"), argsOf.apply("A"), go);
        Process b = start(main, folder.resolve("b.log"), argsOf.apply("B"), go);
        Thread.sleep(headStart.toMillis());
        Files.writeString(go, "go");
        try {
            assertThat(a.waitFor(90, TimeUnit.SECONDS)).as("child A finished").isTrue();
            assertThat(b.waitFor(90, TimeUnit.SECONDS)).as("child B finished").isTrue();
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        assertThat(a.exitValue()).as(Files.readString(folder.resolve("a.log"))).isZero();
        assertThat(b.exitValue()).as(Files.readString(folder.resolve("b.log"))).isZero();
    }

    /**
     * Starts {@code main} with {@code args}, waits (at most 30 s) until it prints READY, lets it log 0.4 s more and
     * kills it; returns the ended process.
     */
    public static Process killWhenReady(Class<?> main, Path log, String... args) throws Exception {
        Process victim = ChildJvm.start(main, log, args);
        try {
            for (int wait = 0; wait < 600 && !Files.readString(log).contains("READY"); wait++) {
                assertThat(victim.isAlive()).as(Files.readString(log)).isTrue();
                Thread.sleep(50);
            }
            assertThat(Files.readString(log)).contains("READY");
            Thread.sleep(400);
        } finally {
            victim.destroyForcibly();
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return victim;
    }

    private static Process start(Class<?> main, Path log, List<String> args, Path go) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.add(go.toString());
        return ChildJvm.start(main, log, all.toArray(String[]::new));
    }
}
