package org.acdit4j.framework.run;

import java.util.Map;

/** Renders dotted {@code section.key = value} pairs as a two-level YAML document. */
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

    private static String scalar(String value) {
        if (value.matches("-?[0-9.eE+-]+|true|false") && !value.isEmpty()) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
