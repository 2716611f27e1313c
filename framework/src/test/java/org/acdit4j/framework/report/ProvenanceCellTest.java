package org.acdit4j.framework.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;

class ProvenanceCellTest {

    @Test
    void aValueSharedByAllRunsIsShownOnce() {
        assertThat(ProvenanceCell.of(List.of(run("a", "vm"), run("b", "vm")), facts -> facts.get("host"))).isEqualTo("vm");
    }

    @Test
    void runsFromSeveralMachinesShowEachMachineWithItsCountInOrderOfAppearance() {
        List<RunRecord> runs = List.of(run("a", "xeon"), run("b", "epyc"), run("c", "xeon"), run("d", null));
        assertThat(ProvenanceCell.of(runs, facts -> facts.get("host"))).isEqualTo("xeon (2 runs); epyc (1 run)");
    }

    @Test
    void runsWithoutProvenanceAreUnknown() {
        assertThat(ProvenanceCell.of(List.of(run("a", null)), facts -> facts.get("host"))).isEqualTo("unknown");
    }

    private static RunRecord run(String name, String host) {
        return RunRecord.builder().experiment("e").run(name).preset("").status(RunStatus.FINISHED).step(1).steps(1)
                .provenance(host == null ? Map.of() : Map.of("host", host)).build();
    }
}
