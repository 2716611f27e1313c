package org.acdit4j.evaluators.features;

/** A feature-network weights file whose SHA-256 differs from the pinned fingerprint. */
public final class FingerprintMismatchException extends RuntimeException {

    public FingerprintMismatchException(String file, String actual, String expected) {
        super("feature network weights " + file + " have SHA-256 " + actual + " but the pinned fingerprint is "
                + expected + ": the file was changed or corrupted (restore it, or retrain with acdit features train"
                + " and pin the new fingerprint)");
    }
}
