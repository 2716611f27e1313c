package org.acdit4j.framework.dsl;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys no section has any more, each read as its successor, so that the configurations stored before it moved (run
 * folders' {@code run-spec.json}, {@code config.yaml} and {@code overrides.txt}, the archived runs under
 * {@code results/<experiment>/runs/}, checkpoints) keep meaning what they meant. A retired key becomes its successor
 * when the configuration's model has it, and is dropped when it has not: that model never read it.
 *
 * <ul>
 *   <li>{@code train.lossWeighting} → {@code model.lossWeighting} (issue 31): the loss weighting over noise levels
 *   is ACDiT's, a diffusion setting; token-AR ignored it.</li>
 * </ul>
 */
public final class RetiredKeys {

    private static final Map<String, String> SUCCESSORS = Map.of("train.lossWeighting", "model.lossWeighting");

    private RetiredKeys() {
    }

    /**
     * The key {@code key} is read as in a configuration of {@code keys} (today's keys): its successor when
     * {@code keys} has it, none when {@code key} is retired and {@code keys} has no successor, else {@code key}.
     */
    static Optional<String> readAs(String key, Collection<String> keys) {
        String successor = SUCCESSORS.get(key);
        if (successor == null) {
            return Optional.of(key);
        }
        return keys.contains(successor) ? Optional.of(successor) : Optional.empty();
    }

    /**
     * {@code stored}, a stored configuration's values, as today's configuration of {@code keys} reads them: every
     * retired key under its successor, or left out ({@link #readAs}); comparing it with today's values compares like
     * with like.
     */
    public static Map<String, String> readAs(Map<String, String> stored, Collection<String> keys) {
        Map<String, String> read = new LinkedHashMap<>();
        stored.forEach((key, value) -> readAs(key, keys).ifPresent(today -> read.putIfAbsent(today, value)));
        return read;
    }
}
