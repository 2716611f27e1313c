package org.acdit4j.framework.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * One run of a sweep: its stable index and name, its configuration's label for readers ({@code "AR length 4 (block
 * 4)"}, {@code ""} when nothing is swept; see {@link org.acdit4j.framework.dsl.ConfigurationLabels}), the swept values
 * it sets, its seed, and the fully resolved spec. The preset ({@code ""} for none), the sweep's command-line
 * {@code overrides} and the {@code assignments} reproduce the spec from the experiment.
 */
public record RunPlan(int index, String name, String label, Map<String, String> assignments, long seed,
                      ExperimentSpec spec, String preset, List<String> overrides) {

    public RunPlan {
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));     // in swept-key order
        overrides = List.copyOf(overrides);
    }
}
