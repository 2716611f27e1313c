package org.acdit4j.tracking.sql;

/**
 * The one-line explanation for a database stamped with a schema revision acdit4j does not write:
 * which revision was found and what to do about it.
 */
final class SchemaMismatch {

    private SchemaMismatch() {
    }

    static String describe(SqliteLocation location, String foundRevision) {
        String head = "database " + location.database() + " has MLflow schema revision " + foundRevision;
        String written = MlflowSchema.REVISION + " (MLflow " + MlflowSchema.MLFLOW_VERSION + ")";
        if (MlflowSchema.isOlder(foundRevision)) {
            return head + ", older than the " + written + " that acdit4j writes: back it up, then run 'mlflow db "
                    + "upgrade " + location.uri() + "' with MLflow " + MlflowSchema.MLFLOW_VERSION + ".x";
        }
        return head + ", newer than or unknown to acdit4j, which writes " + written + " and the later revisions up "
                + "to " + MlflowRevision.newest().id() + " (MLflow's migrations of " + MlflowRevision.newest().created()
                + " and before): log to another database "
                + "file (for example --tracking-uri sqlite:///acdit4j.db), or serve this one with 'mlflow server "
                + "--backend-store-uri " + location.uri() + "' and pass its http:// URL as --tracking-uri";
    }
}
