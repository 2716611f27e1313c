-- What each MLflow migration after f5a4f2784254 does to a SQLite database, written for the tests from reading
-- MLflow's migration files (mlflow/store/db_migrations/versions/<revision>_*.py); each section is one revision, in
-- chain order. A table rebuild is written the way alembic's batch mode does it on SQLite: a new table, the rows
-- copied, the old table dropped, the new one renamed. The tests apply the sections up to a revision and stamp it.

-- revision: 0584bdc529eb
CREATE TABLE _alembic_tmp_datasets (
    dataset_uuid VARCHAR(36) NOT NULL,
    experiment_id INTEGER NOT NULL,
    name VARCHAR(500) NOT NULL,
    digest VARCHAR(36) NOT NULL,
    dataset_source_type VARCHAR(36) NOT NULL,
    dataset_source TEXT NOT NULL,
    dataset_schema TEXT,
    dataset_profile TEXT,
    CONSTRAINT dataset_pk PRIMARY KEY (experiment_id, name, digest),
    CONSTRAINT fk_datasets_experiment_id_experiments FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE
);
INSERT INTO _alembic_tmp_datasets SELECT dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile FROM datasets;
DROP TABLE datasets;
ALTER TABLE _alembic_tmp_datasets RENAME TO datasets;
CREATE INDEX index_datasets_dataset_uuid ON datasets (dataset_uuid);
CREATE INDEX index_datasets_experiment_id_dataset_source_type ON datasets (experiment_id, dataset_source_type);

-- revision: 400f98739977
CREATE TABLE logged_models (
    model_id VARCHAR(36) NOT NULL,
    experiment_id INTEGER NOT NULL,
    name VARCHAR(500) NOT NULL,
    artifact_location VARCHAR(1000) NOT NULL,
    creation_timestamp_ms BIGINT NOT NULL,
    last_updated_timestamp_ms BIGINT NOT NULL,
    status INTEGER NOT NULL,
    lifecycle_stage VARCHAR(32),
    model_type VARCHAR(500),
    source_run_id VARCHAR(32),
    status_message VARCHAR(1000),
    CONSTRAINT logged_models_pk PRIMARY KEY (model_id),
    CONSTRAINT logged_models_lifecycle_stage_check CHECK (lifecycle_stage IN ('active', 'deleted')),
    CONSTRAINT fk_logged_models_experiment_id FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE
);
CREATE TABLE logged_model_metrics (
    model_id VARCHAR(36) NOT NULL,
    metric_name VARCHAR(500) NOT NULL,
    metric_timestamp_ms BIGINT NOT NULL,
    metric_step BIGINT NOT NULL,
    metric_value FLOAT,
    experiment_id INTEGER NOT NULL,
    run_id VARCHAR(32) NOT NULL,
    dataset_uuid VARCHAR(36),
    dataset_name VARCHAR(500),
    dataset_digest VARCHAR(36),
    CONSTRAINT logged_model_metrics_pk PRIMARY KEY (model_id, metric_name, metric_timestamp_ms, metric_step, run_id),
    CONSTRAINT fk_logged_model_metrics_experiment_id FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id),
    CONSTRAINT fk_logged_model_metrics_model_id FOREIGN KEY (model_id) REFERENCES logged_models (model_id) ON DELETE CASCADE,
    CONSTRAINT fk_logged_model_metrics_run_id FOREIGN KEY (run_id) REFERENCES runs (run_uuid) ON DELETE CASCADE
);
CREATE INDEX index_logged_model_metrics_model_id ON logged_model_metrics (model_id);
CREATE TABLE logged_model_params (
    model_id VARCHAR(36) NOT NULL,
    experiment_id INTEGER NOT NULL,
    param_key VARCHAR(255) NOT NULL,
    param_value TEXT NOT NULL,
    CONSTRAINT logged_model_params_pk PRIMARY KEY (model_id, param_key),
    CONSTRAINT fk_logged_model_params_experiment_id FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id),
    CONSTRAINT fk_logged_model_params_model_id FOREIGN KEY (model_id) REFERENCES logged_models (model_id) ON DELETE CASCADE
);
CREATE TABLE logged_model_tags (
    model_id VARCHAR(36) NOT NULL,
    experiment_id INTEGER NOT NULL,
    tag_key VARCHAR(255) NOT NULL,
    tag_value TEXT NOT NULL,
    CONSTRAINT logged_model_tags_pk PRIMARY KEY (model_id, tag_key),
    CONSTRAINT fk_logged_model_tags_experiment_id FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id),
    CONSTRAINT fk_logged_model_tags_model_id FOREIGN KEY (model_id) REFERENCES logged_models (model_id) ON DELETE CASCADE
);

-- revision: 6953534de441
ALTER TABLE inputs ADD COLUMN step BIGINT DEFAULT '0' NOT NULL;

-- revision: bda7b8c39065
CREATE TABLE _alembic_tmp_model_version_tags (
    "key" VARCHAR(250) NOT NULL,
    value TEXT,
    name VARCHAR(256) NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT model_version_tag_pk PRIMARY KEY ("key", name, version),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version) ON UPDATE CASCADE
);
INSERT INTO _alembic_tmp_model_version_tags SELECT "key", value, name, version FROM model_version_tags;
DROP TABLE model_version_tags;
ALTER TABLE _alembic_tmp_model_version_tags RENAME TO model_version_tags;

-- revision: cbc13b556ace
ALTER TABLE trace_info ADD COLUMN client_request_id VARCHAR(50);
ALTER TABLE trace_info ADD COLUMN request_preview VARCHAR(1000);
ALTER TABLE trace_info ADD COLUMN response_preview VARCHAR(1000);

-- revision: 770bee3ae1dd
CREATE TABLE assessments (
    assessment_id VARCHAR(50) NOT NULL,
    trace_id VARCHAR(50) NOT NULL,
    name VARCHAR(250) NOT NULL,
    assessment_type VARCHAR(20) NOT NULL,
    value TEXT NOT NULL,
    error TEXT,
    created_timestamp BIGINT NOT NULL,
    last_updated_timestamp BIGINT NOT NULL,
    source_type VARCHAR(50) NOT NULL,
    source_id VARCHAR(250),
    run_id VARCHAR(32),
    span_id VARCHAR(50),
    rationale TEXT,
    overrides VARCHAR(50),
    valid BOOLEAN NOT NULL,
    assessment_metadata TEXT,
    CONSTRAINT assessments_pk PRIMARY KEY (assessment_id),
    CONSTRAINT fk_assessments_trace_id FOREIGN KEY (trace_id) REFERENCES trace_info (request_id) ON DELETE CASCADE
);
CREATE INDEX index_assessments_trace_id_created_timestamp ON assessments (trace_id, created_timestamp);
CREATE INDEX index_assessments_run_id_created_timestamp ON assessments (run_id, created_timestamp);
CREATE INDEX index_assessments_last_updated_timestamp ON assessments (last_updated_timestamp);
CREATE INDEX index_assessments_assessment_type ON assessments (assessment_type);

-- revision: a1b2c3d4e5f6
CREATE TABLE spans (
    trace_id VARCHAR(50) NOT NULL,
    experiment_id INTEGER NOT NULL,
    span_id VARCHAR(50) NOT NULL,
    parent_span_id VARCHAR(50),
    name TEXT,
    type VARCHAR(500),
    status VARCHAR(50) NOT NULL,
    start_time_unix_nano BIGINT NOT NULL,
    end_time_unix_nano BIGINT,
    duration_ns BIGINT GENERATED ALWAYS AS (end_time_unix_nano - start_time_unix_nano) STORED,
    content TEXT NOT NULL,
    CONSTRAINT spans_pk PRIMARY KEY (trace_id, span_id),
    CONSTRAINT fk_spans_trace_id FOREIGN KEY (trace_id) REFERENCES trace_info (request_id) ON DELETE CASCADE,
    CONSTRAINT fk_spans_experiment_id FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id)
);
CREATE INDEX index_spans_experiment_id ON spans (experiment_id);
CREATE INDEX index_spans_experiment_id_status_type ON spans (experiment_id, status, type);
CREATE INDEX index_spans_experiment_id_type_status ON spans (experiment_id, type, status);
CREATE INDEX index_spans_experiment_id_duration ON spans (experiment_id, duration_ns);

-- revision: de4033877273
CREATE TABLE entity_associations (
    association_id VARCHAR(36) NOT NULL,
    source_type VARCHAR(36) NOT NULL,
    source_id VARCHAR(36) NOT NULL,
    destination_type VARCHAR(36) NOT NULL,
    destination_id VARCHAR(36) NOT NULL,
    created_time BIGINT,
    CONSTRAINT entity_associations_pk PRIMARY KEY (source_type, source_id, destination_type, destination_id)
);
CREATE INDEX index_entity_associations_association_id ON entity_associations (association_id);
CREATE INDEX index_entity_associations_reverse_lookup ON entity_associations (destination_type, destination_id, source_type, source_id);

-- revision: 1a0cddfcaa16
CREATE TABLE webhooks (
    webhook_id VARCHAR(256) NOT NULL,
    name VARCHAR(256) NOT NULL,
    description VARCHAR(1000),
    url VARCHAR(500) NOT NULL,
    status VARCHAR(20) DEFAULT 'ACTIVE' NOT NULL,
    secret VARCHAR(1000),
    creation_timestamp BIGINT,
    last_updated_timestamp BIGINT,
    deleted_timestamp BIGINT,
    CONSTRAINT webhook_pk PRIMARY KEY (webhook_id)
);
CREATE INDEX idx_webhooks_status ON webhooks (status);
CREATE INDEX idx_webhooks_name ON webhooks (name);
CREATE TABLE webhook_events (
    webhook_id VARCHAR(256) NOT NULL,
    entity VARCHAR(50) NOT NULL,
    action VARCHAR(50) NOT NULL,
    CONSTRAINT webhook_event_pk PRIMARY KEY (webhook_id, entity, action),
    FOREIGN KEY (webhook_id) REFERENCES webhooks (webhook_id) ON DELETE cascade
);
CREATE INDEX idx_webhook_events_entity ON webhook_events (entity);
CREATE INDEX idx_webhook_events_action ON webhook_events (action);
CREATE INDEX idx_webhook_events_entity_action ON webhook_events (entity, action);

-- revision: 534353b11cbc
CREATE TABLE scorers (
    experiment_id INTEGER NOT NULL,
    scorer_name VARCHAR(256) NOT NULL,
    scorer_id VARCHAR(36) NOT NULL,
    CONSTRAINT scorer_pk PRIMARY KEY (scorer_id),
    CONSTRAINT fk_scorers_experiment_id FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE
);
CREATE TABLE scorer_versions (
    scorer_id VARCHAR(36) NOT NULL,
    scorer_version INTEGER NOT NULL,
    serialized_scorer TEXT NOT NULL,
    creation_time BIGINT,
    CONSTRAINT scorer_version_pk PRIMARY KEY (scorer_id, scorer_version),
    CONSTRAINT fk_scorer_versions_scorer_id FOREIGN KEY (scorer_id) REFERENCES scorers (scorer_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX index_scorers_experiment_id_scorer_name ON scorers (experiment_id, scorer_name);
CREATE INDEX index_scorer_versions_scorer_id ON scorer_versions (scorer_id);

-- revision: 71994744cf8e
CREATE TABLE evaluation_datasets (
    dataset_id VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    schema TEXT,
    profile TEXT,
    digest VARCHAR(64),
    created_time BIGINT,
    last_update_time BIGINT,
    created_by VARCHAR(255),
    last_updated_by VARCHAR(255),
    CONSTRAINT evaluation_datasets_pk PRIMARY KEY (dataset_id)
);
CREATE INDEX index_evaluation_datasets_name ON evaluation_datasets (name);
CREATE INDEX index_evaluation_datasets_created_time ON evaluation_datasets (created_time);
CREATE TABLE evaluation_dataset_tags (
    dataset_id VARCHAR(36) NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    value VARCHAR(5000),
    CONSTRAINT evaluation_dataset_tags_pk PRIMARY KEY (dataset_id, "key"),
    CONSTRAINT fk_evaluation_dataset_tags_dataset_id FOREIGN KEY (dataset_id) REFERENCES evaluation_datasets (dataset_id) ON DELETE CASCADE
);
CREATE INDEX index_evaluation_dataset_tags_dataset_id ON evaluation_dataset_tags (dataset_id);
CREATE TABLE evaluation_dataset_records (
    dataset_record_id VARCHAR(36) NOT NULL,
    dataset_id VARCHAR(36) NOT NULL,
    inputs JSON NOT NULL,
    expectations JSON,
    tags JSON,
    source JSON,
    source_id VARCHAR(36),
    source_type VARCHAR(255),
    created_time BIGINT,
    last_update_time BIGINT,
    created_by VARCHAR(255),
    last_updated_by VARCHAR(255),
    input_hash VARCHAR(64) NOT NULL,
    CONSTRAINT evaluation_dataset_records_pk PRIMARY KEY (dataset_record_id),
    CONSTRAINT unique_dataset_input UNIQUE (dataset_id, input_hash),
    CONSTRAINT fk_evaluation_dataset_records_dataset_id FOREIGN KEY (dataset_id) REFERENCES evaluation_datasets (dataset_id) ON DELETE CASCADE
);
CREATE INDEX index_evaluation_dataset_records_dataset_id ON evaluation_dataset_records (dataset_id);

-- revision: 3da73c924c2f
ALTER TABLE evaluation_dataset_records ADD COLUMN outputs JSON;

-- revision: bf29a5ff90ea
CREATE TABLE jobs (
    id VARCHAR(36) NOT NULL,
    creation_time BIGINT NOT NULL,
    function_fullname VARCHAR(500) NOT NULL,
    params TEXT NOT NULL,
    timeout FLOAT,
    status INTEGER NOT NULL,
    result TEXT,
    retry_count INTEGER NOT NULL,
    last_update_time BIGINT NOT NULL,
    CONSTRAINT jobs_pk PRIMARY KEY (id)
);
CREATE INDEX index_jobs_function_status_creation_time ON jobs (function_fullname, status, creation_time);

-- revision: 1bd49d398cd23
CREATE TABLE secrets (
    secret_id VARCHAR(36) NOT NULL,
    secret_name VARCHAR(255) NOT NULL,
    encrypted_value BLOB NOT NULL,
    wrapped_dek BLOB NOT NULL,
    kek_version INTEGER NOT NULL,
    masked_value VARCHAR(100) NOT NULL,
    provider VARCHAR(64),
    auth_config TEXT,
    description TEXT,
    created_by VARCHAR(255),
    created_at BIGINT NOT NULL,
    last_updated_by VARCHAR(255),
    last_updated_at BIGINT NOT NULL,
    CONSTRAINT secrets_pk PRIMARY KEY (secret_id)
);
CREATE UNIQUE INDEX unique_secret_name ON secrets (secret_name);
CREATE TRIGGER prevent_secrets_aad_mutation BEFORE UPDATE ON secrets FOR EACH ROW WHEN OLD.secret_id != NEW.secret_id OR OLD.secret_name != NEW.secret_name BEGIN SELECT RAISE(ABORT, 'secret_id and secret_name cannot change'); END;
CREATE TABLE endpoints (
    endpoint_id VARCHAR(36) NOT NULL,
    name VARCHAR(255),
    created_by VARCHAR(255),
    created_at BIGINT NOT NULL,
    last_updated_by VARCHAR(255),
    last_updated_at BIGINT NOT NULL,
    CONSTRAINT endpoints_pk PRIMARY KEY (endpoint_id)
);
CREATE UNIQUE INDEX unique_endpoint_name ON endpoints (name);
CREATE TABLE model_definitions (
    model_definition_id VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    secret_id VARCHAR(36),
    provider VARCHAR(64) NOT NULL,
    model_name VARCHAR(256) NOT NULL,
    created_by VARCHAR(255),
    created_at BIGINT NOT NULL,
    last_updated_by VARCHAR(255),
    last_updated_at BIGINT NOT NULL,
    CONSTRAINT model_definitions_pk PRIMARY KEY (model_definition_id),
    CONSTRAINT fk_model_definitions_secret_id FOREIGN KEY (secret_id) REFERENCES secrets (secret_id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX unique_model_definition_name ON model_definitions (name);
CREATE INDEX index_model_definitions_secret_id ON model_definitions (secret_id);
CREATE INDEX index_model_definitions_provider ON model_definitions (provider);
CREATE TABLE endpoint_model_mappings (
    mapping_id VARCHAR(36) NOT NULL,
    endpoint_id VARCHAR(36) NOT NULL,
    model_definition_id VARCHAR(36) NOT NULL,
    weight FLOAT NOT NULL,
    created_by VARCHAR(255),
    created_at BIGINT NOT NULL,
    CONSTRAINT endpoint_model_mappings_pk PRIMARY KEY (mapping_id),
    CONSTRAINT fk_endpoint_model_mappings_endpoint_id FOREIGN KEY (endpoint_id) REFERENCES endpoints (endpoint_id) ON DELETE CASCADE,
    CONSTRAINT fk_endpoint_model_mappings_model_definition_id FOREIGN KEY (model_definition_id) REFERENCES model_definitions (model_definition_id)
);

-- revision: b7c8d9e0f1a2
CREATE TABLE trace_metrics (
    request_id VARCHAR(50) NOT NULL,
    "key" VARCHAR(250) NOT NULL,
    value FLOAT,
    CONSTRAINT trace_metrics_pk PRIMARY KEY (request_id, "key"),
    CONSTRAINT fk_trace_metrics_request_id FOREIGN KEY (request_id) REFERENCES trace_info (request_id) ON DELETE CASCADE
);
CREATE INDEX index_trace_metrics_request_id ON trace_metrics (request_id);

-- revision: 5d2d30f0abce
DROP INDEX index_jobs_function_status_creation_time;
ALTER TABLE jobs RENAME COLUMN function_fullname TO job_name;
CREATE INDEX index_jobs_name_status_creation_time ON jobs (job_name, status, creation_time);

-- revision: c9d4e5f6a7b8
ALTER TABLE endpoints ADD COLUMN routing_strategy VARCHAR(64);
ALTER TABLE endpoints ADD COLUMN fallback_config_json TEXT;
