package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.List;

/** Collects every validation problem of a spec, each naming its dotted key, so all are reported at once. */
public final class Problems {

    private final List<String> messages = new ArrayList<>();

    public void add(String key, String message) {
        messages.add(key + ": " + message);
    }

    /** Adds a problem unless {@code ok}. */
    public void require(boolean ok, String key, String message) {
        if (!ok) {
            add(key, message);
        }
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Throws a {@link SpecException} listing every problem, if there is any. */
    public void throwIfAny(String what) {
        if (!messages.isEmpty()) {
            throw new SpecException(what, messages);
        }
    }
}
