package org.acdit4j.framework.run;

import java.util.Map;

/** Renders dotted {@code section.key = value} pairs as a two-level YAML document, and reads such a document back. */
public final class ConfigYaml {

    private ConfigYaml() {
    }

    public static String render(Map<String, String> values) {
        StringBuilder yaml = new StringBuilder();
        String section = null;
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(values).entrySet()) {
            int dot = entry.getKey().indexOf('.');
            String head = entry.getKey().substring(0, dot);
            if (!head.equals(section)) {
                yaml.append(head).append(":\n");
                section = head;
            }
            yaml.append("  ").append(entry.getKey().substring(dot + 1)).append(": ").append(scalar(entry.getValue()))
                    .append('\n');
        }
        return yaml.toString();
    }

    /** The dotted pairs of a document written by {@link #render}; fails naming the line it cannot read. */
    public static Map<String, String> parse(String yaml) {
        Map<String, String> values = new java.util.TreeMap<>();
        String section = null;
        for (String line : yaml.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ") && line.endsWith(":")) {
                section = line.substring(0, line.length() - 1);
                continue;
            }
            int colon = line.indexOf(": ");
            if (section == null || !line.startsWith("  ") || colon < 0) {
                throw new IllegalArgumentException("not a config.yaml line: " + line);
            }
            String value = line.substring(colon + 2);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            values.put(section + "." + line.substring(2, colon), value);
        }
        return values;
    }

    private static String scalar(String value) {
        if (value.matches("-?[0-9.eE+-]+|true|false") && !value.isEmpty()) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
