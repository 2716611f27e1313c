package org.acdit4j.framework.spec;

import java.util.List;

/** One swept key and its values, as strings parsed like command-line overrides. */
public record SweepAxis(String key, List<String> values) {

    public SweepAxis {
        values = List.copyOf(values);
    }
}
