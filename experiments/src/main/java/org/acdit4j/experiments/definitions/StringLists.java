package org.acdit4j.experiments.definitions;

/** Joins the shared override and metric lists of the definitions with an experiment's own entries. */
final class StringLists {

    private StringLists() {
    }

    /** {@code first} followed by {@code more}. */
    static String[] followedBy(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
