package org.acdit4j.framework.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.acdit4j.framework.run.RunRecord;

/**
 * A fact of the report header (commit, machine, backend, java) over all its runs: the value when every run shares
 * it, else each value with its number of runs, in order of first appearance. Runs of one sweep made on several
 * machines or sessions (restored from the run archive) thus show where each part came from.
 */
final class ProvenanceCell {

    private ProvenanceCell() {
    }

    /** {@code fact} of each run's provenance (runs without provenance are left out), or {@code "unknown"}. */
    static String of(List<RunRecord> runs, Function<Map<String, String>, String> fact) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            if (run.provenance() != null && !run.provenance().isEmpty()) {
                counts.merge(fact.apply(run.provenance()), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return "unknown";
        }
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        StringBuilder cell = new StringBuilder();
        counts.forEach((value, n) -> cell.append(cell.isEmpty() ? "" : "; ").append(value).append(" (")
                .append(n).append(n == 1 ? " run)" : " runs)"));
        return cell.toString();
    }
}
