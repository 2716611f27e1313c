package org.acdit4j.framework.tracking;

/**
 * An experiment of a tracking store.
 *
 * @param id   the store's id (MLflow: a numeric string, {@code "0"} is "Default")
 * @param name unique name
 */
public record TrackedExperiment(String id, String name) {
}
