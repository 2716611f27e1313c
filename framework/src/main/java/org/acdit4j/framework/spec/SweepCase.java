package org.acdit4j.framework.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One listed case of a sweep: the name the experiment gives it ({@code "DiT (AR length 1)"}, or {@code ""} for none:
 * then the model plugin or the keys name it) and what it assigns (dotted key → value, in swept-key order).
 */
public record SweepCase(String name, Map<String, String> assignments) {

    public SweepCase {
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    }

    public boolean named() {
        return !name.isBlank();
    }
}
