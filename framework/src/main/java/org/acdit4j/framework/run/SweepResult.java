package org.acdit4j.framework.run;

import java.util.List;
import java.util.Map;

import org.acdit4j.framework.tracking.RunStatus;

/** How each selected run of a sweep ended, by run name, and the sweep's parent tracker run. */
public record SweepResult(String parentRunId, Map<String, RunStatus> outcomes, List<String> skipped) {

    public SweepResult {
        outcomes = Map.copyOf(outcomes);
        skipped = List.copyOf(skipped);
    }

    public List<String> failures() {
        return outcomes.entrySet().stream().filter(entry -> entry.getValue() != RunStatus.FINISHED)
                .map(Map.Entry::getKey).sorted().toList();
    }

    public boolean succeeded() {
        return failures().isEmpty();
    }
}
