package org.acdit4j.experiments.cli;

/** The ND4J backend this build ships cannot start on this machine; the message says why and what to do (exit 1). */
public final class BackendUnavailableException extends RuntimeException {

    BackendUnavailableException(String message) {
        super(message);
    }
}
