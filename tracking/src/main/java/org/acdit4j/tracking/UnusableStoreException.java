package org.acdit4j.tracking;

/**
 * A tracking store that acdit4j will not open, found before anything in it was created or changed: a folder where a
 * database file belongs, a file that is not SQLite, a database of another schema or of a revision acdit4j does not
 * write, a path where nothing can be created, or a store that is not there for a command that only reads. The
 * message is one line naming the store and what to do; the CLI ends with the usage exit code.
 */
public final class UnusableStoreException extends TrackingException {

    public UnusableStoreException(String message) {
        super(message);
    }
}
