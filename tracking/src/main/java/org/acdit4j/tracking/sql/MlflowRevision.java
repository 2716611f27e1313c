package org.acdit4j.tracking.sql;

import java.util.Arrays;
import java.util.Optional;

/**
 * The MLflow schema revisions acdit4j writes into: {@link #RUN_TAG_VALUE_8000}, the one it creates, and the revisions
 * MLflow's later migrations lead to from there (MLflow's {@code mlflow/store/db_migrations/versions/}, in chain
 * order), none of which changes a table acdit4j writes (experiments, runs, tags, params, metrics, latest_metrics).
 * {@code mlflow db upgrade} with a newer MLflow moves a database along this chain; acdit4j keeps writing to it.
 * A revision not listed here is refused until its migration has been read and tested.
 */
public enum MlflowRevision {

    RUN_TAG_VALUE_8000("f5a4f2784254", "2024-09-18", "tags.value up to 8000 characters; the revision acdit4j creates"),
    DATASETS_CASCADE("0584bdc529eb", "2024-11-11",
            "rebuilds datasets with ON DELETE CASCADE on its experiments foreign key"),
    LOGGED_MODELS("400f98739977", "2025-02-06",
            "adds logged_models, logged_model_metrics, logged_model_params, logged_model_tags"),
    INPUTS_STEP("6953534de441", "2025-02-13", "adds inputs.step"),
    MODEL_VERSION_TAG_TEXT("bda7b8c39065", "2025-06-23", "rebuilds model_version_tags with value as TEXT"),
    TRACE_V3_COLUMNS("cbc13b556ace", "2025-06-17",
            "adds trace_info.client_request_id, request_preview, response_preview"),
    ASSESSMENTS("770bee3ae1dd", "2025-06-23", "adds assessments"),
    SPANS("a1b2c3d4e5f6", "2025-08-03", "adds spans"),
    ENTITY_ASSOCIATIONS("de4033877273", "2025-07-28", "adds entity_associations"),
    WEBHOOKS("1a0cddfcaa16", "2025-07-07", "adds webhooks, webhook_events"),
    SCORERS("534353b11cbc", "2025-01-27", "adds scorers, scorer_versions"),
    EVALUATION_DATASETS("71994744cf8e", "2025-08-12",
            "adds evaluation_datasets, evaluation_dataset_tags, evaluation_dataset_records"),
    DATASET_RECORD_OUTPUTS("3da73c924c2f", "2025-01-16", "adds evaluation_dataset_records.outputs"),
    JOBS("bf29a5ff90ea", "2025-09-11", "adds jobs"),
    SECRETS("1bd49d398cd23", "2025-11-20",
            "adds secrets (with a trigger), endpoints, model_definitions, endpoint_model_mappings"),
    TRACE_METRICS("b7c8d9e0f1a2", "2025-12-04", "adds trace_metrics"),
    JOB_NAME("5d2d30f0abce", "2025-12-16", "renames jobs.function_fullname to job_name"),
    ENDPOINT_ROUTING("c9d4e5f6a7b8", "2025-12-18", "adds endpoints.routing_strategy, fallback_config_json");

    private final String id;
    private final String created;
    private final String change;

    MlflowRevision(String id, String created, String change) {
        this.id = id;
        this.created = created;
        this.change = change;
    }

    /** The alembic revision id, as stamped in {@code alembic_version}. */
    public String id() {
        return id;
    }

    /** The migration's creation date, as its file states it. */
    public String created() {
        return created;
    }

    /** What the migration changes; never a table acdit4j writes. */
    public String change() {
        return change;
    }

    /** The newest revision acdit4j writes into. */
    public static MlflowRevision newest() {
        MlflowRevision[] all = values();
        return all[all.length - 1];
    }

    public static Optional<MlflowRevision> of(String id) {
        return Arrays.stream(values()).filter(revision -> revision.id.equals(id)).findFirst();
    }
}
