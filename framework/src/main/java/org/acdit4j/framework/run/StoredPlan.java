package org.acdit4j.framework.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's plan as its folder holds it ({@link RunFolder#storedPlan()}): which run it is ({@code name}, {@code index},
 * {@code seed}), where its configuration came from ({@code preset}, {@code overrides}, the swept {@code assignments}),
 * its resolved {@code values}, and the {@code label} planning gave its configuration. A folder older than frozen plans
 * kept no label: it is empty there, and a reader labels such a run as today's definition does.
 */
public record StoredPlan(String name, int index, long seed, String preset, List<String> overrides,
                         Map<String, String> assignments, Map<String, String> values, Optional<String> label) {

    public StoredPlan {
        overrides = List.copyOf(overrides);
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));   // in swept-key order
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The stored form of a frozen plan. */
    public static StoredPlan of(FrozenRun frozen) {
        return new StoredPlan(frozen.name(), frozen.index(), frozen.seed(), frozen.preset(), frozen.overrides(),
                frozen.assignments(), frozen.values(), Optional.of(frozen.label()));
    }
}
