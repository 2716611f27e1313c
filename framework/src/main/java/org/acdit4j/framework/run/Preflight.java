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
 * configuration on the dataset's geometry, and every evaluator is registered and finds the capabilities it needs.
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
        for (RunPlan plan : plans) {
            Set<String> problems = new LinkedHashSet<>(dataChecked.computeIfAbsent(plan.spec().data(), this::dataProblems));
            problems.addAll(modelProblems(plan.spec()));
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

    private List<String> modelProblems(ExperimentSpec spec) {
        Problems problems = new Problems();
        ModelFactory model = models.get(spec.model().name());
        DatasetFactory dataset = datasets.get(spec.data().name());
        if (model == null) {
            problems.add("model.name", "unknown model '" + spec.model().name() + "'; known: " + known(models.keySet()));
        }
        Set<ModelCapability> offered = EnumSet.noneOf(ModelCapability.class);
        if (model != null && dataset != null) {
            Geometry geometry = dataset.geometry(spec.data());
            model.validate(spec.model().config(), geometry, problems);
            offered.addAll(model.capabilities(spec.model().config(), geometry));
        }
        Set<String> used = new LinkedHashSet<>(spec.evaluate().evaluators());
        used.addAll(spec.track().evaluateWith());
        for (String name : used) {
            Evaluator evaluator = evaluators.get(name);
            if (evaluator == null) {
                problems.add("evaluate.evaluators", "unknown evaluator '" + name + "'; known: "
                        + known(evaluators.keySet()));
            } else if (model != null && dataset != null && !offered.containsAll(evaluator.requires())) {
                Set<ModelCapability> missing = EnumSet.copyOf(evaluator.requires());
                missing.removeAll(offered);
                problems.add("evaluate.evaluators", name + " needs " + missing + ", which this " + spec.model().name()
                        + " configuration does not offer (it offers " + offered + ")");
            }
        }
        return problems.messages();
    }

    private static String known(Set<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }
}
