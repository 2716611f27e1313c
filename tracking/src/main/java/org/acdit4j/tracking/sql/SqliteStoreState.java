package org.acdit4j.tracking.sql;

/** What an MLflow SQLite store path holds, as {@link SqliteStoreStatus#inspect} finds it without changing it. */
public enum SqliteStoreState {
    /** No file yet; the first run creates it. */
    NOT_CREATED,
    /** A file without tables; the first run gives it the schema. */
    EMPTY,
    /** An MLflow database at a revision acdit4j writes. */
    READY,
    /** Something acdit4j leaves as it is: the status says what and what to do. */
    REFUSED
}
