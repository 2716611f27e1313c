package org.acdit4j.framework.run;

import java.io.IOException;

/**
 * A checkpoint file that cannot be resumed or sampled from: missing, truncated, corrupt, not a run checkpoint, of
 * another training or not fitting the model. The message is one line naming the file and the fault.
 */
public final class UnusableCheckpointException extends IOException {

    public UnusableCheckpointException(String message) {
        super(message);
    }

    public UnusableCheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
