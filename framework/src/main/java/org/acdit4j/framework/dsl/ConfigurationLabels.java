package org.acdit4j.framework.dsl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.SweptKeyAxis;

/**
 * Readable names for the configurations of one sweep of a definition (a preset and overrides): what tables, plots,
 * {@code acdit plan} and MLflow descriptions call a configuration instead of its swept {@code key=value}s. A
 * configuration's label is, in order, the name its listed case was given ({@code c.named("DiT (AR length 1)")}), the
 * model plugin's description of the swept model keys left ({@code AR length 4 (block 4)}, see
 * {@link ModelSection#describe}), and {@code key=value} for whatever is still unnamed; {@code ""} when nothing is swept.
 * An assignment the definition no longer accepts (a run folder of an older sweep) is labelled by its keys. It also
 * places configurations on a presented axis ({@link SweptKeyAxis}), which needs each one's resolved spec.
 */
public final class ConfigurationLabels {

    private final ResolvedSweep sweep;
    private final List<String> sweptKeys;
    private final Map<Map<String, String>, ExperimentBuilder> configured = new HashMap<>();
    private final Map<Map<String, String>, ExperimentSpec> specs = new HashMap<>();

    ConfigurationLabels(ResolvedSweep sweep) {
        this.sweep = sweep;
        this.sweptKeys = sweep.spec().sweep().sweptKeys();
    }

    /** The swept keys, in sweep order. */
    public List<String> sweptKeys() {
        return sweptKeys;
    }

    /** The label of the configuration that {@code assignment} (swept key → value) selects. */
    public String of(Map<String, String> assignment) {
        return of(assignment, sweptKeys);
    }

    /**
     * The label of the part of a configuration given by {@code keys} (swept keys, e.g. all but a plot's x-axis
     * parameter): a case's name only when {@code keys} cover all the keys the case sets.
     */
    public String of(Map<String, String> assignment, List<String> keys) {
        List<String> ordered = sweptKeys.stream().filter(keys::contains).toList();
        ExperimentBuilder builder = configured.computeIfAbsent(Map.copyOf(assignment), this::configure);
        return builder == null ? keyLabel(assignment, ordered) : builder.label(assignment, ordered);
    }

    /**
     * Where the configuration {@code assignment} selects stands on {@code axis}: the axis' position of its resolved
     * spec; empty when the axis places it nowhere or the definition no longer accepts the assignment.
     */
    public OptionalDouble position(SweptKeyAxis axis, Map<String, String> assignment) {
        Map<String, String> key = Map.copyOf(assignment);
        ExperimentBuilder builder = configured.computeIfAbsent(key, this::configure);
        return builder == null ? OptionalDouble.empty()
                : axis.position().apply(specs.computeIfAbsent(key, unused -> builder.build()));
    }

    private ExperimentBuilder configure(Map<String, String> assignment) {
        try {
            return sweep.configured(assignment);
        } catch (SpecException e) {
            return null;
        }
    }

    private static String keyLabel(Map<String, String> assignment, List<String> keys) {
        return String.join(", ", keys.stream().map(key -> key + "=" + assignment.getOrDefault(key, "?")).toList());
    }
}
