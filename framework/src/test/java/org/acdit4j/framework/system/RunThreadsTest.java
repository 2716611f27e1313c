package org.acdit4j.framework.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunThreadsTest {

    @AfterEach
    void forgetThreads() {
        System.clearProperty(RunThreads.PROPERTY);
    }

    @Test
    void concurrentRunsShareTheThreadsAndEachKeepsAtLeastOne() {
        assertThat(RunThreads.share(16, 4)).isEqualTo(4);
        assertThat(RunThreads.share(16, 3)).isEqualTo(5);
        assertThat(RunThreads.share(2, 2)).isEqualTo(1);
        assertThat(RunThreads.share(2, 6)).isEqualTo(1);
    }

    @Test
    void aChildGetsItsShareUnlessTheFlagsSetIt() {
        System.setProperty(RunThreads.PROPERTY, "8");
        assertThat(RunThreads.available()).isEqualTo(8);
        assertThat(RunThreads.childJvmFlags(2, List.of("-Xmx2g"))).containsExactly("-Dacdit.threads=4");
        assertThat(RunThreads.childJvmFlags(2, List.of("-Dacdit.threads=3"))).isEmpty();
    }

    @Test
    void withoutASettingARunMayUseEveryCore() {
        if (System.getenv(RunThreads.VARIABLE) == null) {
            assertThat(RunThreads.available()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
        System.setProperty(RunThreads.PROPERTY, "1");
        assertThat(RunThreads.available()).isEqualTo(1);
    }

    @Test
    void moreThreadsThanCoresGetAOneLineWarning() {
        assertThat(RunThreads.oversubscription(2, 1, 2)).isEmpty();
        assertThat(RunThreads.oversubscription(2, 2, 2)).isEmpty();
        assertThat(RunThreads.oversubscription(16, 3, 16)).isEmpty();
        assertThat(RunThreads.oversubscription(4, 1, 2)).hasValue("warning: 1 run(s) of 4 thread(s) each"
                + " (ACDIT_THREADS=4) ask for more than the 2 cores of this machine; runs will wait for cores"
                + " (unset ACDIT_THREADS to use the cores)");
        assertThat(RunThreads.oversubscription(2, 4, 2)).hasValueSatisfying(w -> assertThat(w)
                .startsWith("warning: 4 run(s) of 1 thread(s) each").doesNotContain("\n"));
    }

    @Test
    void aBadSettingIsOneLineNamingIt() {
        System.setProperty(RunThreads.PROPERTY, "two");
        assertThatThrownBy(RunThreads::available).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dacdit.threads must be a whole number of threads, at least 1, got 'two'");
        System.setProperty(RunThreads.PROPERTY, "0");
        assertThatThrownBy(RunThreads::available)
                .hasMessage("-Dacdit.threads must be a whole number of threads, at least 1, got '0'");
    }
}
