package org.acdit4j.experiments.schedule;

import java.util.List;
import java.util.stream.Collectors;

/** Words for a POSIX shell: each single-quoted unless it is plainly safe, so spaces, {@code ;} and quotes stay in it. */
final class ShellWords {

    private ShellWords() {
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=,@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }
}
