package org.acdit4j.tracking.file;

/**
 * The fields of an experiment's {@code meta.yaml} in MLflow's file store.
 *
 * @param artifactLocation absolute {@code file://} URI of the experiment's artifact folder
 * @param lifecycleStage   {@code active} or {@code deleted}
 */
record ExperimentMeta(String experimentId, String name, String artifactLocation, String lifecycleStage,
                      long creationTime, long lastUpdateTime) {

    static final String ACTIVE = "active";
}
