package org.acdit4j.framework.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * One run of a sweep: its stable index and name, its configuration's label for readers ({@code "AR length 4 (block
 * 4)"}, {@code ""} when nothing is swept; see {@link org.acdit4j.framework.dsl.ConfigurationLabels}), the swept values
 * it sets, its seed, the fully resolved spec and its {@code values} (every dotted key with its resolved value, sorted by
 * key). The preset ({@code ""} for none), the sweep's command-line {@code overrides} and the {@code assignments} say
 * where the spec came from. Planning makes it once; its run folder keeps it frozen ({@link FrozenRun}).
 */
public record RunPlan(int index, String name, String label, Map<String, String> assignments, long seed,
                      ExperimentSpec spec, Map<String, String> values, String preset, List<String> overrides) {

    public RunPlan {
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));     // in swept-key order
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        overrides = List.copyOf(overrides);
    }
}
