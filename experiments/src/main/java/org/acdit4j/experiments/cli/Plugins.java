package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.Map;
import java.util.TreeSet;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.model.ModelFactory;
import org.acdit4j.framework.run.Preflight;

/**
 * The plugins this application registers, by name: datasets, models and evaluators, each set found when a command
 * first asks for it (a command that needs none loads none), with the lookups and checks the commands share.
 */
final class Plugins {

    private final Provider<Map<String, DatasetFactory>> datasets;
    private final Provider<Map<String, ModelFactory>> models;
    private final Provider<Map<String, Evaluator>> evaluators;

    @Inject
    Plugins(Provider<Map<String, DatasetFactory>> datasets, Provider<Map<String, ModelFactory>> models,
            Provider<Map<String, Evaluator>> evaluators) {
        this.datasets = datasets;
        this.models = models;
        this.evaluators = evaluators;
    }

    Map<String, DatasetFactory> datasets() {
        return datasets.get();
    }

    Map<String, ModelFactory> models() {
        return models.get();
    }

    /** The checks a sweep passes before any of its runs starts. */
    Preflight preflight() {
        return new Preflight(datasets.get(), models.get(), evaluators.get());
    }

    /**
     * The model plugin that {@code where} (a file or option) names {@code name}; a one-line usage error starting with
     * {@code where} and listing the registered ones when there is none.
     */
    ModelFactory model(String name, String where) {
        return registered(models.get(), "model", name, where + ": ");
    }

    /** The dataset plugin that {@code where} names {@code name}; as {@link #model}. */
    DatasetFactory dataset(String name, String where) {
        return registered(datasets.get(), "dataset", name, where + ": ");
    }

    /** The dataset plugin that the command line names {@code name}; as {@link #model}. */
    DatasetFactory dataset(String name) {
        return registered(datasets.get(), "dataset", name, "");
    }

    private static <T> T registered(Map<String, T> plugins, String kind, String name, String prefix) {
        T plugin = plugins.get(name);
        if (plugin == null) {
            throw new UsageException(prefix + "unknown " + kind + " '" + name + "'; known: "
                    + String.join(", ", new TreeSet<>(plugins.keySet())));
        }
        return plugin;
    }
}
