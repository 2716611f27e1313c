package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.spec.SweepAxis;
import org.acdit4j.framework.spec.SweepSpec;

/**
 * {@code sweep}: a cartesian grid over dotted keys, repeated for each seed. On the command line a grid
 * axis is {@code sweep.grid.model.blockSize=1,4,16} and the seeds are {@code sweep.seeds=0,1,2}.
 */
public final class SweepSection extends Section {

    static final String GRID_PREFIX = "sweep.grid.";

    List<Long> seeds = new ArrayList<>(List.of(0L));
    private final Map<String, List<String>> grid = new LinkedHashMap<>();

    /** Sweeps {@code key} over {@code values}; a second call for the same key replaces its values. */
    public SweepSection grid(String key, Object... values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(String.valueOf(value));
        }
        grid.put(key, texts);
        return this;
    }

    public SweepSection seeds(long... values) {
        seeds = new ArrayList<>();
        for (long value : values) {
            seeds.add(value);
        }
        return this;
    }

    List<String> sweptKeys() {
        return List.copyOf(grid.keySet());
    }

    void setAxis(String key, String commaSeparated) {
        grid.put(key, commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split("\\s*,\\s*")));
    }

    @Override
    String key() {
        return "sweep";
    }

    @Override
    void validate(Problems problems) {
        problems.require(!seeds.isEmpty(), "sweep.seeds", "must list at least one seed");
        problems.require(seeds.stream().distinct().count() == seeds.size(), "sweep.seeds",
                "must not repeat a seed, got " + seeds);
    }

    /** Every axis must name a settable non-sweep key and every value must parse as that key's type. */
    void validateAgainst(DottedKeys keys, Problems problems) {
        for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
            String where = GRID_PREFIX + axis.getKey();
            if (axis.getKey().startsWith("sweep.") || !keys.contains(axis.getKey())) {
                problems.add(where, keys.unknownKeyMessage(axis.getKey()));
                continue;
            }
            problems.require(!axis.getValue().isEmpty(), where, "must list at least one value");
            problems.require(axis.getValue().stream().distinct().count() == axis.getValue().size(), where,
                    "must not repeat a value, got " + axis.getValue());
            for (String value : axis.getValue()) {
                String problem = keys.check(axis.getKey(), value);
                if (problem != null) {
                    problems.add(where, problem);
                }
            }
        }
    }

    SweepSpec freeze() {
        List<SweepAxis> axes = new ArrayList<>();
        grid.forEach((key, values) -> axes.add(new SweepAxis(key, values)));
        return new SweepSpec(axes, seeds);
    }
}
