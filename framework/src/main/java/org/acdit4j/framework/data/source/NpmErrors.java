package org.acdit4j.framework.data.source;

import java.util.Locale;

/** Turns npm's multi-line error output into one line a user can act on. */
final class NpmErrors {

    private NpmErrors() {
    }

    static String summarize(String npmOutput) {
        String lower = npmOutput.toLowerCase(Locale.ROOT);
        if (lower.contains("enotfound") || lower.contains("eai_again") || lower.contains("econnrefused")
                || lower.contains("etimedout") || lower.contains("econnreset") || lower.contains("network")) {
            return "the package registry is unreachable (" + firstErrorLine(npmOutput) + ")";
        }
        if (lower.contains("e404") || lower.contains("etarget")) {
            return "the package or version is not in the registry (" + firstErrorLine(npmOutput) + ")";
        }
        return firstErrorLine(npmOutput);
    }

    private static String firstErrorLine(String output) {
        for (String line : output.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("npm error") || trimmed.startsWith("npm ERR!")) {
                String message = trimmed.replaceFirst("^npm (error|ERR!)\\s*", "");
                if (!message.isEmpty()) {
                    return message;
                }
            }
        }
        String stripped = output.strip();
        return stripped.isEmpty() ? "no output" : stripped.lines().reduce((a, b) -> b).orElse("");
    }
}
