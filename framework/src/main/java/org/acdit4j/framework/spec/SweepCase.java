package org.acdit4j.framework.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One listed case of a sweep: the name the experiment gives it ({@code "DiT (AR length 1)"}, or {@code ""} for none:
 * then the model plugin or the keys name it), what it assigns (dotted key → value, in swept-key order) and what it
 * also {@code implies} without sweeping it: a case that switches to another model plugin keeps the rest of that
 * model's section it set (e.g. its width), which would otherwise resolve to the new plugin's defaults on replay.
 */
public record SweepCase(String name, Map<String, String> assignments, Map<String, String> implied) {

    public SweepCase {
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        implied = Collections.unmodifiableMap(new LinkedHashMap<>(implied));
    }

    public SweepCase(String name, Map<String, String> assignments) {
        this(name, assignments, Map.of());
    }

    public boolean named() {
        return !name.isBlank();
    }

    /** Everything a run of this case sets: its assignments, then what they imply. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>(assignments);
        implied.forEach(settings::putIfAbsent);
        return settings;
    }
}
