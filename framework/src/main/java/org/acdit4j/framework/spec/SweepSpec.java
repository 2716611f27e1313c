package org.acdit4j.framework.spec;

import java.util.List;

/** The sweep section: a cartesian grid over dotted keys, repeated for every seed. */
public record SweepSpec(List<SweepAxis> axes, List<Long> seeds) {

    public SweepSpec {
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
    }
}
