package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acdit4j.framework.spec.SweepAxis;
import org.acdit4j.framework.spec.SweepCase;
import org.acdit4j.framework.spec.SweepSpec;

/**
 * {@code sweep}: listed cases crossed with a cartesian grid over dotted keys, repeated for each seed. Cases
 * cover sweeps that are not a product, e.g. block sizes that depend on the patch size:
 * <pre>{@code
 * s.cases(c -> c.named("DiT (AR length 1)").model(Acdit.TYPE, m -> m.patch(4).blockSize(16)),
 *         c -> c.model(Acdit.TYPE, m -> m.patch(8).blockSize(4)))
 * }</pre>
 * The keys the cases change are the swept keys. A case's name labels its configurations in reports, plots,
 * {@code acdit plan} and MLflow; without one (command-line cases, grids) the model plugin describes the swept model
 * values ({@code AR length 4 (patch 8, block 1)}) and any other key shows as {@code key=value}
 * ({@link ConfigurationLabels}). On the command line a grid axis is
 * {@code sweep.grid.model.blockSize=1,4,16}, the cases are {@code sweep.cases=model.patch=4 model.blockSize=16;
 * model.patch=8 model.blockSize=4} (cases separated by {@code ;}, assignments by spaces; empty = no cases) and the
 * seeds are {@code sweep.seeds=0,1,2}.
 */
public final class SweepSection extends Section {

    static final String GRID_PREFIX = "sweep.grid.";
    static final String CASES_KEY = "sweep.cases";

    List<Long> seeds = new ArrayList<>(List.of(0L));
    private final Map<String, List<String>> grid = new LinkedHashMap<>();
    // transient: recipes and their resolution, not values; the cases show in each plan's assignments instead
    private transient List<Customizer<CaseBuilder>> cases = new ArrayList<>();
    private transient List<SweepCase> resolvedCases = List.of();

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

    /** The assignments the cases made and their names, worked out by the definition against its resolved body. */
    void resolveCases(List<SweepCase> cases) {
        resolvedCases = List.copyOf(cases);
    }

    List<String> sweptKeys() {
        return freeze().sweptKeys();
    }

    /** The values {@code key} takes across the sweep: from the cases and the grid. */
    Set<String> sweptValues(String key) {
        Set<String> values = new LinkedHashSet<>();
        resolvedCases.stream().map(SweepCase::assignments).filter(c -> c.containsKey(key)).forEach(c -> values.add(c.get(key)));
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

    /**
     * The resolved cases in the command line's form, {@code model.patch=4 model.blockSize=16; …} (every setting
     * of each, names left out), or {@code ""} before they are resolved or when there are none.
     */
    String casesText() {
        return String.join("; ", resolvedCases.stream().map(c -> String.join(" ", c.settings().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList())).toList());
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
     * may be equal or share a name and no key may be both changed by the cases and a grid axis.
     */
    void validateAgainst(DottedKeys keys, Problems problems) {
        List<Map<String, String>> assignments = resolvedCases.stream().map(SweepCase::assignments).toList();
        List<String> names = resolvedCases.stream().map(SweepCase::name).toList();
        for (int i = 0; i < assignments.size(); i++) {
            String where = CASES_KEY + "[" + i + "]";
            for (String key : assignments.get(i).keySet()) {
                problems.require(!grid.containsKey(key), where,
                        key + " is also a grid axis; set it in one place (sweep.cases= clears the cases)");
            }
            int first = assignments.indexOf(assignments.get(i));
            problems.require(first == i, where, "repeats case " + first + " " + assignments.get(i));
            int firstNamed = names.indexOf(names.get(i));
            problems.require(names.get(i).isBlank() || firstNamed == i, where,
                    "has the name of case " + firstNamed + " '" + names.get(i) + "'; names label the configurations, "
                            + "so each case needs its own");
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
        return new SweepSpec(resolvedCases, axes, seeds);
    }
}
