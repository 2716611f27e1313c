package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.spec.SweepAxis;
import org.acdit4j.framework.spec.SweepSpec;

/**
 * {@code sweep}: listed cases crossed with a cartesian grid over dotted keys, repeated for each seed. Cases
 * cover sweeps that are not a product, e.g. block sizes that depend on the patch size. On the command line a
 * grid axis is {@code sweep.grid.model.blockSize=1,4,16}, the cases are {@code sweep.cases=model.patch=4
 * model.blockSize=16; model.patch=8 model.blockSize=4} (cases separated by {@code ;}, assignments by spaces;
 * empty = no cases) and the seeds are {@code sweep.seeds=0,1,2}.
 */
public final class SweepSection extends Section {

    static final String GRID_PREFIX = "sweep.grid.";
    static final String CASES_KEY = "sweep.cases";

    List<Long> seeds = new ArrayList<>(List.of(0L));
    private final Map<String, List<String>> grid = new LinkedHashMap<>();
    private List<String> cases = new ArrayList<>();

    /** Sweeps {@code key} over {@code values}; a second call for the same key replaces its values. */
    public SweepSection grid(String key, Object... values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(String.valueOf(value));
        }
        grid.put(key, texts);
        return this;
    }

    /**
     * Runs each case, an assignment list such as {@code "model.patch=4 model.blockSize=16"}, crossed with the
     * grid; every case must assign the same keys. A second call replaces the cases.
     */
    public SweepSection cases(String... assignments) {
        cases = new ArrayList<>(List.of(assignments));
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
        return freeze().sweptKeys();
    }

    void setCases(String semicolonSeparated) {
        cases = new ArrayList<>();
        for (String c : semicolonSeparated.split(";")) {
            if (!c.isBlank()) {
                cases.add(c.strip());
            }
        }
    }

    /** Each case as key → value; an assignment without {@code =} maps its whole text to {@code null}. */
    private List<Map<String, String>> parsedCases() {
        List<Map<String, String>> parsed = new ArrayList<>();
        for (String c : cases) {
            Map<String, String> assignments = new LinkedHashMap<>();
            for (String assignment : c.strip().split("\\s+")) {
                int equals = assignment.indexOf('=');
                if (equals <= 0) {
                    assignments.put(assignment, null);
                } else {
                    assignments.put(assignment.substring(0, equals), assignment.substring(equals + 1));
                }
            }
            parsed.add(assignments);
        }
        return parsed;
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

    /**
     * Every axis and case must name settable non-sweep keys and every value must parse as that key's type;
     * the cases must all assign the same keys, none of them also a grid axis.
     */
    void validateAgainst(DottedKeys keys, Problems problems) {
        List<Map<String, String>> parsed = parsedCases();
        for (int i = 0; i < parsed.size(); i++) {
            String where = CASES_KEY + "[" + i + "]";
            for (Map.Entry<String, String> assignment : parsed.get(i).entrySet()) {
                if (assignment.getValue() == null) {
                    problems.add(where, "'" + assignment.getKey() + "' is not an assignment key=value");
                } else if (assignment.getKey().startsWith("sweep.") || !keys.contains(assignment.getKey())) {
                    problems.add(where, keys.unknownKeyMessage(assignment.getKey()));
                } else if (grid.containsKey(assignment.getKey())) {
                    problems.add(where, assignment.getKey() + " is also a grid axis; set it in one place (sweep.cases= clears the cases)");
                } else {
                    String problem = keys.check(assignment.getKey(), assignment.getValue());
                    if (problem != null) {
                        problems.add(where, problem);
                    }
                }
            }
            problems.require(parsed.get(i).keySet().equals(parsed.get(0).keySet()), where,
                    "must assign the same keys as the first case " + parsed.get(0).keySet() + ", got "
                            + parsed.get(i).keySet());
        }
        problems.require(parsed.stream().distinct().count() == parsed.size(), CASES_KEY,
                "must not repeat a case, got " + cases);
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
        return new SweepSpec(parsedCases(), axes, seeds);
    }
}
