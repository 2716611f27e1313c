package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.acdit4j.framework.model.ModelType;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.spec.ModelSpec;
import org.acdit4j.framework.spec.SweepCase;

/**
 * The mutable builder behind {@link Experiment#define}: one method per section taking a {@link Customizer},
 * the model plugin's sections selected by its {@link ModelType}, named presets (customizers applied on top of the
 * definition), and {@link #build()} that validates everything at once and freezes the result into an
 * {@link ExperimentSpec}.
 */
public final class ExperimentBuilder {

    /** The key choosing the model plugin. */
    public static final String MODEL_NAME = "model.name";

    private final String name;
    private String description = "";
    private final DataSection data = new DataSection();
    private ModelType<?, ?> modelType;
    private ModelSection model;
    private SamplerSection sampler;
    private final Map<String, ModelType<?, ?>> mentionedTypes = new LinkedHashMap<>();
    private final TrainSection train = new TrainSection();
    private final SampleSection sample = new SampleSection();
    private final EvaluateSection evaluate = new EvaluateSection();
    private final SweepSection sweep = new SweepSection();
    private final TrackSection track = new TrackSection();
    private final ReportSection report = new ReportSection();
    private final Map<String, Customizer<ExperimentBuilder>> presets = new LinkedHashMap<>();

    ExperimentBuilder(String name) {
        this.name = name;
    }

    public ExperimentBuilder description(String text) {
        this.description = text;
        return this;
    }

    /** Applies shared settings, e.g. a set of sections several experiments use. */
    public ExperimentBuilder with(Customizer<ExperimentBuilder> settings) {
        settings.customize(this);
        return this;
    }

    public ExperimentBuilder data(Customizer<DataSection> customizer) {
        customizer.customize(data);
        return this;
    }

    /**
     * Selects the model plugin {@code type} (keeping its current settings if it is already selected, otherwise
     * starting from its defaults) and configures its section.
     */
    public <M extends ModelSection> ExperimentBuilder model(ModelType<M, ?> type, Customizer<M> customizer) {
        select(type);
        @SuppressWarnings("unchecked") M section = (M) model;   // select made it with type.newModelSection()
        customizer.customize(section);
        return this;
    }

    /** Selects the model plugin {@code type} like {@link #model} and configures its sampling settings. */
    public <S extends SamplerSection> ExperimentBuilder sampler(ModelType<?, S> type, Customizer<S> customizer) {
        select(type);
        @SuppressWarnings("unchecked") S section = (S) sampler;   // select made it with type.newSamplerSection()
        customizer.customize(section);
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

    /** A named preset: settings applied on top of the definition, before the command line's overrides. */
    public ExperimentBuilder preset(String presetName, Customizer<ExperimentBuilder> settings) {
        presets.put(presetName, settings);
        return this;
    }

    String description() {
        return description;
    }

    Map<String, Customizer<ExperimentBuilder>> presets() {
        return presets;
    }

    List<Customizer<CaseBuilder>> caseRecipes() {
        return sweep.caseRecipes();
    }

    void resolveCases(List<SweepCase> cases) {
        sweep.resolveCases(cases);
    }

    /**
     * The label of this configuration (the builder holds a plan's values) as far as {@code keys} go, the swept keys in
     * sweep order: the name of the listed case it comes from when {@code keys} cover that case's keys, the model
     * plugin's description of the keys left ({@link ModelSection#describe}) and {@code key=value} for the rest, each
     * part where its first key stands in sweep order.
     */
    String label(Map<String, String> assignment, List<String> keys) {
        Set<String> remaining = new LinkedHashSet<>(keys.stream().filter(assignment::containsKey).toList());   // a run of
        // another model plugin does not have every swept key (token-AR has no block size), and the body's model is unnamed
        Map<Integer, String> parts = new TreeMap<>();                 // position of the part's first key → text
        listedCase(assignment).filter(c -> c.named() && remaining.containsAll(c.assignments().keySet())).ifPresent(c -> {
            parts.put(firstPosition(keys, c.assignments().keySet()), c.name());
            remaining.removeAll(c.assignments().keySet());
        });
        if (model != null && !remaining.isEmpty()) {
            model.describe(Set.copyOf(remaining), data.freeze())
                    .filter(part -> part.keys().stream().anyMatch(remaining::contains))
                    .ifPresent(part -> {
                        parts.put(firstPosition(keys, part.keys()), part.text());
                        remaining.removeAll(part.keys());
                    });
        }
        remaining.forEach(key -> parts.put(keys.indexOf(key), key + "=" + assignment.getOrDefault(key, "?")));
        // the only keys asked for were ones this run does not assign: the body's model, beside another plugin's case
        return parts.isEmpty() && !keys.isEmpty() && modelType != null ? modelType.name() : String.join(", ", parts.values());
    }

    private static int firstPosition(List<String> keys, Set<String> covered) {
        return covered.stream().mapToInt(keys::indexOf).filter(i -> i >= 0).min().orElse(-1);
    }

    /** The listed case whose assignments {@code assignment} makes (the one setting most keys, should several). */
    private Optional<SweepCase> listedCase(Map<String, String> assignment) {
        return sweep.freeze().cases().stream()
                .filter(c -> c.assignments().entrySet().stream()
                        .allMatch(entry -> entry.getValue().equals(assignment.get(entry.getKey()))))
                .max(Comparator.comparingInt(c -> c.assignments().size()));
    }

    /** Every dotted key, sorted. */
    List<String> keys() {
        return dottedKeys().keys();
    }

    /** All keys with their current values, sorted by key. */
    Map<String, String> values() {
        return new TreeMap<>(orderedValues());
    }

    /** All keys with their current values in section and field order, {@code model.name} first of the model's. */
    Map<String, String> orderedValues() {
        Map<String, String> values = new LinkedHashMap<>();
        dottedKeys().values().forEach((key, value) -> {
            if (key.startsWith("model.") && !values.containsKey(MODEL_NAME)) {
                values.put(MODEL_NAME, modelType.name());
            }
            values.put(key, value);
        });
        values.put(SweepSection.CASES_KEY, sweep.casesText());
        return values;
    }

    /**
     * Applies {@code key=value} overrides, {@code model.name} first (it selects the sections the others set), a
     * retired key as its successor ({@link RetiredKeys}); every malformed, repeated, unknown or mistyped one is added
     * to {@code problems}.
     */
    void apply(List<String> overrides, Problems problems) {
        List<String[]> assignments = new ArrayList<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                problems.add(override, "an override must look like key=value (e.g. model.depth=6)");
                continue;
            }
            String[] assignment = {override.substring(0, equals).strip(), override.substring(equals + 1)};
            String earlier = given.putIfAbsent(assignment[0], assignment[1]);
            if (earlier != null) {
                problems.add(assignment[0], "given twice ('" + earlier + "' and '" + assignment[1]
                        + "'); allowed: each key once");
                continue;
            }
            if (assignment[0].equals(MODEL_NAME)) {
                selectByName(assignment[1].strip(), problems);
            } else {
                assignments.add(assignment);
            }
        }
        DottedKeys keys = dottedKeys();
        Map<String, String> assignedAs = new LinkedHashMap<>();   // key today → the key given for it
        for (String[] assignment : assignments) {
            Optional<String> readAs = RetiredKeys.readAs(assignment[0], keys.keys());
            if (readAs.isEmpty()) {
                continue;
            }
            String key = readAs.get();
            String value = assignment[1];
            String earlier = assignedAs.putIfAbsent(key, assignment[0]);
            if (earlier != null) {
                problems.add(key, "given twice (as " + earlier + " and " + assignment[0] + "); allowed: each key once, "
                        + "by its name today");
                continue;
            }
            if (key.startsWith(SweepSection.GRID_PREFIX)) {
                sweep.setAxis(key.substring(SweepSection.GRID_PREFIX.length()), value);
            } else if (key.equals(SweepSection.CASES_KEY)) {
                sweep.setCases(value);
            } else {
                String problem = keys.set(key, value);
                if (problem != null) {
                    problems.add(key, problem);
                }
            }
        }
    }

    /** Validates every section (all problems at once) and freezes the spec. */
    public ExperimentSpec build() {
        Problems problems = new Problems();
        validateInto(problems);
        problems.throwIfAny("experiment '" + name + "'");
        return new ExperimentSpec(name, description, data.freeze(), new ModelSpec(modelType.name(), model.freeze()),
                train.freeze(), sample.freeze(sampler.freeze()), evaluate.freeze(), sweep.freeze(), track.freeze(name),
                report.freeze());
    }

    void validateInto(Problems problems) {
        if (modelType == null) {
            problems.add("model", "no model selected; choose one with e.model(<plugin type>, m -> …)");
        }
        for (Section section : sections()) {
            section.validate(problems);
        }
        dottedKeys().requireConstants(problems);
        if (model != null) {
            model.validateAgainst(data.freeze(), problems);
            model.validateSampler(sampler, problems);
        }
        sweep.validateAgainst(dottedKeys(), problems);
        report.validateAgainst(sweep, problems);
        track.validateAgainst(evaluate, problems);
    }

    void select(ModelType<?, ?> type) {
        mentionedTypes.putIfAbsent(type.name(), type);
        if (modelType == null || !modelType.name().equals(type.name())) {
            modelType = type;
            model = type.newModelSection();
            sampler = type.newSamplerSection();
        }
    }

    /** Makes the model types {@code other} mentioned (e.g. in a sweep case) selectable here by name. */
    void mentionTypesOf(ExperimentBuilder other) {
        other.mentionedTypes.forEach(mentionedTypes::putIfAbsent);
    }

    private void selectByName(String typeName, Problems problems) {
        ModelType<?, ?> type = mentionedTypes.get(typeName);
        if (type == null) {
            problems.add(MODEL_NAME, "unknown model '" + typeName + "'; this experiment defines "
                    + (mentionedTypes.isEmpty() ? "none" : String.join(", ", mentionedTypes.keySet())));
            return;
        }
        select(type);
    }

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>(List.of(data));
        if (model != null) {
            sections.add(model);
        }
        sections.addAll(List.of(train, sample));
        if (sampler != null) {
            sections.add(sampler);
        }
        sections.addAll(List.of(evaluate, sweep, track, report));
        return sections;
    }

    private DottedKeys dottedKeys() {
        return new DottedKeys(sections(), List.of(MODEL_NAME, SweepSection.CASES_KEY));
    }
}
