package org.acdit4j.framework.data;

/** A dataset could not be fetched, verified or read; the message is one line naming the file or key. */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
