package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.List;
import org.acdit4j.framework.spec.EnumTexts;

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

    /**
     * Adds a problem when {@code value}, a setting of enum {@code type}, is {@code null} (as a definition may set it),
     * naming the allowed texts; a misspelt text is refused where it is set ({@code DottedKeys}).
     */
    public void oneOf(String key, Enum<?> value, Class<? extends Enum<?>> type) {
        require(value != null, key, "must be one of " + EnumTexts.allowed(type) + ", got null");
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
