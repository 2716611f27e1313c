package org.acdit4j.framework.tracking;

/** An experiment of a tracking store. */
public record TrackedExperiment(String id, String name) {
}
