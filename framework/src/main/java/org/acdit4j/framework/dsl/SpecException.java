package org.acdit4j.framework.dsl;

import java.util.List;

/** An experiment spec is invalid; the message lists every problem, one per line, by dotted key. */
public final class SpecException extends RuntimeException {

    private final List<String> problems;

    public SpecException(String what, List<String> problems) {
        super(problems.size() == 1
                ? what + ": " + problems.get(0)
                : what + " has " + problems.size() + " problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
