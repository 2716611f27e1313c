package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * The mutable builder behind {@link Experiment#define}: one method per section taking a
 * {@link Customizer}, named presets, and {@link #build()} that validates everything at once and freezes
 * the result into an {@link ExperimentSpec}.
 */
public final class ExperimentBuilder {

    private final String name;
    private String description = "";
    private final DataSection data = new DataSection();
    private final ModelSection model = new ModelSection();
    private final TrainSection train = new TrainSection();
    private final SampleSection sample = new SampleSection();
    private final EvaluateSection evaluate = new EvaluateSection();
    private final SweepSection sweep = new SweepSection();
    private final TrackSection track = new TrackSection();
    private final ReportSection report = new ReportSection();
    private final Map<String, List<String>> presets = new LinkedHashMap<>();
    private final DottedKeys keys;

    ExperimentBuilder(String name) {
        this.name = name;
        this.keys = new DottedKeys(List.of(data, model, train, sample, evaluate, sweep, track, report));
    }

    public ExperimentBuilder description(String text) {
        this.description = text;
        return this;
    }

    public ExperimentBuilder data(Customizer<DataSection> customizer) {
        customizer.customize(data);
        return this;
    }

    public ExperimentBuilder model(Customizer<ModelSection> customizer) {
        customizer.customize(model);
        return this;
    }

    public ExperimentBuilder train(Customizer<TrainSection> customizer) {
        customizer.customize(train);
        return this;
    }

    public ExperimentBuilder sample(Customizer<SampleSection> customizer) {
        customizer.customize(sample);
        return this;
    }

    public ExperimentBuilder evaluate(Customizer<EvaluateSection> customizer) {
        customizer.customize(evaluate);
        return this;
    }

    public ExperimentBuilder sweep(Customizer<SweepSection> customizer) {
        customizer.customize(sweep);
        return this;
    }

    public ExperimentBuilder track(Customizer<TrackSection> customizer) {
        customizer.customize(track);
        return this;
    }

    public ExperimentBuilder report(Customizer<ReportSection> customizer) {
        customizer.customize(report);
        return this;
    }

    /** A named set of {@code key=value} overrides, applied before the command line's. */
    public ExperimentBuilder preset(String presetName, String... overrides) {
        presets.put(presetName, List.of(overrides));
        return this;
    }

    String description() {
        return description;
    }

    Map<String, List<String>> presets() {
        return presets;
    }

    List<String> keys() {
        return keys.keys();
    }

    Map<String, String> values() {
        return keys.values();
    }

    /** Applies {@code key=value} overrides; every malformed, unknown or mistyped one is added to {@code problems}. */
    void apply(List<String> overrides, Problems problems) {
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                problems.add(override, "an override must look like key=value (e.g. model.depth=6)");
                continue;
            }
            String key = override.substring(0, equals).strip();
            String value = override.substring(equals + 1);
            if (key.startsWith(SweepSection.GRID_PREFIX)) {
                sweep.setAxis(key.substring(SweepSection.GRID_PREFIX.length()), value);
                continue;
            }
            if (key.equals(SweepSection.CASES_KEY)) {
                sweep.setCases(value);
                continue;
            }
            String problem = keys.set(key, value);
            if (problem != null) {
                problems.add(key, problem);
            }
        }
    }

    /** Validates every section (all problems at once) and freezes the spec. */
    public ExperimentSpec build() {
        Problems problems = new Problems();
        validateInto(problems);
        problems.throwIfAny("experiment '" + name + "'");
        return new ExperimentSpec(name, description, data.freeze(), model.freeze(), train.freeze(), sample.freeze(),
                evaluate.freeze(), sweep.freeze(), track.freeze(name), report.freeze());
    }

    void validateInto(Problems problems) {
        for (Section section : List.of(data, model, train, sample, evaluate, sweep, track, report)) {
            section.validate(problems);
        }
        model.validateAgainst(data, problems);
        sweep.validateAgainst(keys, problems);
        report.validateAgainst(sweep, problems);
        track.validateAgainst(evaluate, problems);
    }

    List<String> sweptKeys() {
        return new ArrayList<>(sweep.sweptKeys());
    }
}
