package org.acdit4j.framework.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.dsl.SpecException;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.ExperimentSpec;

/**
 * Checks every plan of a sweep before any run starts, in the parent process: the dataset and model are registered,
 * the dataset can be opened (source folder, writable data directory, npm or cache), the model plugin accepts its
 * configuration on the dataset's geometry, and every evaluator is registered, finds the capabilities it needs and can
 * measure the dataset (evaluators that cannot for the same reason, such as a missing feature network, share one line),
 * and every metric the report declares is a name runs can log ({@link ReportMetricNames}).
 * All problems of all plans come out in one {@link SpecException}; a problem every plan shares is listed once.
 */
public final class Preflight {

    private final Map<String, DatasetFactory> datasets;
    private final Map<String, ModelFactory> models;
    private final Map<String, Evaluator> evaluators;

    public Preflight(Map<String, DatasetFactory> datasets, Map<String, ModelFactory> models,
                     Map<String, Evaluator> evaluators) {
        this.datasets = datasets;
        this.models = models;
        this.evaluators = evaluators;
    }

    /** Throws a {@link SpecException} listing every problem of {@code plans}, if there is any. */
    public void check(String experiment, List<RunPlan> plans) {
        List<String> problems = problems(plans);
        if (!problems.isEmpty()) {
            throw new SpecException("preflight of " + experiment + " (nothing was started)", problems);
        }
    }

    /** Every problem, prefixed by the plans it concerns ({@code [all plans]} or {@code [3 name, …]}). */
    public List<String> problems(List<RunPlan> plans) {
        Map<String, Set<String>> plansByProblem = new LinkedHashMap<>();
        Map<DataSpec, List<String>> dataChecked = new HashMap<>();
        Map<DataSpec, OpenableData> openable = new HashMap<>();
        for (RunPlan plan : plans) {
            DataSpec data = plan.spec().data();
            List<String> dataProblems = dataChecked.computeIfAbsent(data, this::dataProblems);
            Set<String> problems = new LinkedHashSet<>(dataProblems);
            problems.addAll(modelProblems(plan.spec(), dataProblems.isEmpty()
                    ? openable.computeIfAbsent(data, this::openable) : null));
            for (String problem : problems) {
                plansByProblem.computeIfAbsent(problem, ignored -> new LinkedHashSet<>())
                        .add(plan.index() + " " + plan.name());
            }
        }
        List<String> lines = new ArrayList<>();
        plansByProblem.forEach((problem, concerned) -> lines.add((concerned.size() == plans.size() && plans.size() > 1
                ? "[all plans] " : "[" + String.join(", ", concerned) + "] ") + problem));
        return lines;
    }

    private List<String> dataProblems(DataSpec data) {
        Problems problems = new Problems();
        DatasetFactory dataset = datasets.get(data.name());
        if (dataset == null) {
            problems.add("data.name", "unknown dataset '" + data.name() + "'; known: " + known(datasets.keySet()));
        } else {
            dataset.preflight(data, problems);
        }
        return problems.messages();
    }

    /** What the model and evaluator checks need of a dataset that passed its own preflight, asked once per spec. */
    private record OpenableData(String identity, Geometry geometry) {
    }

    private OpenableData openable(DataSpec data) {
        DatasetFactory dataset = datasets.get(data.name());
        return new OpenableData(dataset.identity(data), dataset.geometry(data));
    }

    /**
     * The model's and the evaluators' problems with {@code spec}; {@code data} is null when the dataset cannot be
     * opened, which skips every check that needs its geometry (the data problem is reported already).
     */
    private List<String> modelProblems(ExperimentSpec spec, OpenableData data) {
        Problems problems = new Problems();
        ModelFactory model = models.get(spec.model().name());
        if (model == null) {
            problems.add("model.name", "unknown model '" + spec.model().name() + "'; known: " + known(models.keySet()));
        }
        Set<ModelCapability> offered = EnumSet.noneOf(ModelCapability.class);
        Geometry geometry = data == null ? null : data.geometry();
        if (model != null && geometry != null) {
            model.validate(spec.model().config(), geometry, problems);
            offered.addAll(model.capabilities(spec.model().config(), geometry));
        }
        Set<String> used = new LinkedHashSet<>(spec.evaluate().evaluators());
        used.addAll(spec.track().evaluateWith());
        Map<String, List<String>> evaluatorsByReason = new LinkedHashMap<>();
        for (String name : used) {
            Evaluator evaluator = evaluators.get(name);
            if (evaluator == null) {
                problems.add("evaluate.evaluators", "unknown evaluator '" + name + "'; known: "
                        + known(evaluators.keySet()));
            } else if (model != null && geometry != null && !offered.containsAll(evaluator.requires())) {
                Set<ModelCapability> missing = EnumSet.copyOf(evaluator.requires());
                missing.removeAll(offered);
                problems.add("evaluate.evaluators", name + " needs " + missing + ", which this " + spec.model().name()
                        + " configuration does not offer (it offers " + offered + ")");
            }
            if (evaluator != null && geometry != null) {
                evaluator.cannotMeasure(spec.data(), data.identity(), geometry).ifPresent(reason ->
                        evaluatorsByReason.computeIfAbsent(reason, ignored -> new ArrayList<>()).add(name));
            }
        }
        evaluatorsByReason.forEach((reason, names) -> problems.add("evaluate.evaluators",
                String.join(", ", names) + " cannot measure this dataset: " + reason));
        ReportMetricNames.check(spec.report(), evaluators, problems);
        return problems.messages();
    }

    private static String known(Set<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }
}
