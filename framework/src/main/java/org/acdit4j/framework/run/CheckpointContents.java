package org.acdit4j.framework.run;

import java.util.Map;

/**
 * What a {@link RunCheckpoint} holds besides the model state.
 *
 * @param configuration the run's resolved configuration (dotted keys)
 * @param step          the training step the checkpoint was taken at
 */
public record CheckpointContents(Map<String, String> configuration, long step) {
}
