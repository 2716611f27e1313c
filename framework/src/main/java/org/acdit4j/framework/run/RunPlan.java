package org.acdit4j.framework.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * One run of a sweep: its stable index and name, the swept values it sets, its seed, and the fully
 * resolved spec. The preset ({@code ""} for none), the sweep's command-line {@code overrides} and the
 * {@code assignments} reproduce the spec from the experiment.
 */
public record RunPlan(int index, String name, Map<String, String> assignments, long seed, ExperimentSpec spec,
                      String preset, List<String> overrides) {

    public RunPlan {
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));     // in swept-key order
        overrides = List.copyOf(overrides);
    }
}
