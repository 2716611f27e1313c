package org.acdit4j.framework.dsl;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * One configuration of a {@link ResolvedSweep}: its label for readers ({@link ConfigurationLabels}), its validated
 * spec, and every key with its resolved value, sorted by key (what its run folders store).
 */
public record ResolvedConfiguration(String label, ExperimentSpec spec, Map<String, String> values) {

    public ResolvedConfiguration {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
