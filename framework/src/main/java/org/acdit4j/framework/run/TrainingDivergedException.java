package org.acdit4j.framework.run;

/** The training loss became NaN or infinite; the message names the step and what to change. */
public final class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
