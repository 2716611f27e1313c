package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/** The registered experiments by name. */
public final class ExperimentCatalog {

    private final Map<String, ExperimentDefinition> experiments;

    @Inject
    ExperimentCatalog(Map<String, ExperimentDefinition> experiments) {
        this.experiments = new TreeMap<>(experiments);
    }

    public Map<String, ExperimentDefinition> all() {
        return experiments;
    }

    public ExperimentDefinition get(String name) {
        ExperimentDefinition definition = experiments.get(name);
        if (definition == null) {
            throw new UsageException("unknown experiment '" + name + "'; known: " + String.join(", ", experiments.keySet()));
        }
        return definition;
    }
}
