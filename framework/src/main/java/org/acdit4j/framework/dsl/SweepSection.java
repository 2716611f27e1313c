package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acdit4j.framework.spec.SweepAxis;
import org.acdit4j.framework.spec.SweepSpec;

/**
 * {@code sweep}: listed cases crossed with a cartesian grid over dotted keys, repeated for each seed. Cases
 * cover sweeps that are not a product, e.g. block sizes that depend on the patch size:
 * <pre>{@code
 * s.cases(c -> c.model(Acdit.TYPE, m -> m.patch(4).blockSize(16)),
 *         c -> c.model(Acdit.TYPE, m -> m.patch(8).blockSize(4)))
 * }</pre>
 * The keys the cases change are the swept keys. On the command line a grid axis is
 * {@code sweep.grid.model.blockSize=1,4,16}, the cases are {@code sweep.cases=model.patch=4 model.blockSize=16;
 * model.patch=8 model.blockSize=4} (cases separated by {@code ;}, assignments by spaces; empty = no cases) and the
 * seeds are {@code sweep.seeds=0,1,2}.
 */
public final class SweepSection extends Section {

    static final String GRID_PREFIX = "sweep.grid.";
    static final String CASES_KEY = "sweep.cases";

    List<Long> seeds = new ArrayList<>(List.of(0L));
    private final Map<String, List<String>> grid = new LinkedHashMap<>();
    private List<Customizer<CaseBuilder>> cases = new ArrayList<>();
    private List<Map<String, String>> caseAssignments = List.of();

    /** Sweeps {@code key} over {@code values}; a second call for the same key replaces its values. */
    public SweepSection grid(String key, Object... values) {
        grid.put(key, Arrays.stream(values).map(String::valueOf).toList());
        return this;
    }

    /** Runs each case crossed with the grid; a second call replaces the cases. */
    @SafeVarargs
    public final SweepSection cases(Customizer<CaseBuilder>... recipes) {
        cases = new ArrayList<>(List.of(recipes));
        return this;
    }

    public SweepSection seeds(long... values) {
        seeds = new ArrayList<>(Arrays.stream(values).boxed().toList());
        return this;
    }

    List<Customizer<CaseBuilder>> caseRecipes() {
        return List.copyOf(cases);
    }

    /** The assignments the cases made, worked out by the definition against its resolved body. */
    void resolveCases(List<Map<String, String>> assignments) {
        caseAssignments = List.copyOf(assignments);
    }

    List<String> sweptKeys() {
        return freeze().sweptKeys();
    }

    /** The values {@code key} takes across the sweep: from the cases and the grid. */
    Set<String> sweptValues(String key) {
        Set<String> values = new LinkedHashSet<>();
        caseAssignments.stream().filter(c -> c.containsKey(key)).forEach(c -> values.add(c.get(key)));
        values.addAll(grid.getOrDefault(key, List.of()));
        return values;
    }

    /** The command line's cases: each a space-separated list of dotted assignments. */
    void setCases(String semicolonSeparated) {
        cases = new ArrayList<>();
        for (String text : semicolonSeparated.split(";")) {
            if (!text.isBlank()) {
                List<String> assignments = List.of(text.strip().split("\\s+"));
                cases.add(c -> c.assign(assignments));
            }
        }
    }

    void setAxis(String key, String commaSeparated) {
        grid.put(key, commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split("\\s*,\\s*")));
    }

    @Override
    protected String key() {
        return "sweep";
    }

    @Override
    protected void validate(Problems problems) {
        problems.require(!seeds.isEmpty(), "sweep.seeds", "must list at least one seed");
        problems.require(seeds.stream().distinct().count() == seeds.size(), "sweep.seeds",
                "must not repeat a seed, got " + seeds);
    }

    /**
     * Every axis must name a settable non-sweep key and every value must parse as that key's type; no two cases
     * may be equal and no key may be both changed by the cases and a grid axis.
     */
    void validateAgainst(DottedKeys keys, Problems problems) {
        for (int i = 0; i < caseAssignments.size(); i++) {
            for (String key : caseAssignments.get(i).keySet()) {
                problems.require(!grid.containsKey(key), CASES_KEY + "[" + i + "]",
                        key + " is also a grid axis; set it in one place (sweep.cases= clears the cases)");
            }
            problems.require(caseAssignments.indexOf(caseAssignments.get(i)) == i, CASES_KEY + "[" + i + "]",
                    "repeats case " + caseAssignments.indexOf(caseAssignments.get(i)) + " " + caseAssignments.get(i));
        }
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
        return new SweepSpec(caseAssignments, axes, seeds);
    }
}
