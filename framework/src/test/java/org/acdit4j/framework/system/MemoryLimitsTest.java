package org.acdit4j.framework.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** JavaCPP's limits for a sweep's JVMs come from the machine unless set, and a run stopped by memory says by what. */
class MemoryLimitsTest {

    @Test
    void eachOfTheSweepsJvmsGetsItsShareOfTheMachineUnlessTheFlagsSetTheLimits() {
        long machine = MemoryLimits.machineBytes().orElseThrow();
        long share = (long) (machine * 0.9 / 4);

        assertThat(MemoryLimits.childJvmFlags(4, List.of("-Xmx2g"))).containsExactly(
                "-D" + MemoryLimits.MAX_PHYSICAL_BYTES + "=" + share, "-D" + MemoryLimits.MAX_BYTES + "=" + share);
        assertThat(MemoryLimits.childJvmFlags(4, List.of("-D" + MemoryLimits.MAX_PHYSICAL_BYTES + "=3g")))
                .containsExactly("-D" + MemoryLimits.MAX_BYTES + "=" + share);
    }

    @Test
    void aRunStoppedByMemoryIsExplainedInOneLineNamingTheSettingThatRaisesTheLimit() {
        assertThat(MemoryLimits.explain(new OutOfMemoryError("Physical memory usage is too high: physicalBytes (3G) > "
                + "maxPhysicalBytes (3G)"))).startsWith("out of native memory: the resident set reached "
                + MemoryLimits.MAX_PHYSICAL_BYTES + "=").contains("ACDIT_JAVA_OPTS=\"-D" + MemoryLimits.MAX_PHYSICAL_BYTES);
        assertThat(MemoryLimits.explain(new OutOfMemoryError("Java heap space"))).startsWith("out of Java heap (Java heap "
                + "space) at -Xmx").endsWith("raise it with ACDIT_JAVA_OPTS=\"-Xmx4g\"");
    }
}
