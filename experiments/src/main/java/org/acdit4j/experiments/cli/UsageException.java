package org.acdit4j.experiments.cli;

/** A command was given something it cannot use (unknown experiment, bad run folder); exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
