package org.acdit4j.framework.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sweep section: listed cases (each a set of assignments, optionally named; none = one empty case) crossed with
 * a cartesian grid over dotted keys, repeated for every seed.
 */
public record SweepSpec(List<SweepCase> cases, List<SweepAxis> axes, List<Long> seeds) {

    public SweepSpec {
        cases = List.copyOf(cases);
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
    }

    /** How many configurations each seed runs: the cases (one when none) times the values of every grid axis. */
    public int configurations() {
        return Math.max(1, cases.size()) * axes.stream().mapToInt(axis -> axis.values().size()).reduce(1, (a, b) -> a * b);
    }

    /** The keys that vary between runs: those the cases assign, then the grid's. */
    public List<String> sweptKeys() {
        Set<String> keys = new LinkedHashSet<>();
        cases.forEach(c -> keys.addAll(c.assignments().keySet()));
        axes.forEach(axis -> keys.add(axis.key()));
        return List.copyOf(keys);
    }
}
