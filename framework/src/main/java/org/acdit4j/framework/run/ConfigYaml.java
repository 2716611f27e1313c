package org.acdit4j.framework.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Dotted {@code section.key = value} pairs as a two-level YAML document ({@code config.yaml}, the configuration
 * stored with each run and checkpoint), and back. Every value stays the text the DSL's dotted keys read: the YAML
 * has no implicit types, so {@code 010} or {@code 1e-3} come back exactly as written.
 */
public final class ConfigYaml {

    private ConfigYaml() {
    }

    public static String render(Map<String, String> values) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        new TreeMap<>(values).forEach((key, value) -> {
            int dot = requireDotted(key);
            sections.computeIfAbsent(key.substring(0, dot), ignored -> new LinkedHashMap<>())
                    .put(key.substring(dot + 1), value);
        });
        return yaml().dump(sections);
    }

    /** The dotted pairs of a document written by {@link #render}; fails in one line saying what it cannot read. */
    public static Map<String, String> parse(String document) {
        Object loaded;
        try {
            loaded = yaml().load(document);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not a configuration document: " + e.getMessage().lines().findFirst()
                    .orElse("unreadable YAML"));
        }
        Map<String, String> values = new TreeMap<>();
        if (loaded == null) {
            return values;
        }
        if (!(loaded instanceof Map<?, ?> sections)) {
            throw new IllegalArgumentException("not a configuration document: expected sections of key: value pairs");
        }
        sections.forEach((section, entries) -> {
            if (!(entries instanceof Map<?, ?> pairs)) {
                throw new IllegalArgumentException("not a configuration document: section '" + section
                        + "' holds no key: value pairs");
            }
            pairs.forEach((key, value) -> values.put(section + "." + key, value == null ? "" : String.valueOf(value)));
        });
        return values;
    }

    private static int requireDotted(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("configuration key '" + key + "' has no section (expected section.key)");
        }
        return dot;
    }

    /** YAML without implicit types (every plain scalar is a string), written in block style. */
    private static Yaml yaml() {
        DumperOptions dumper = new DumperOptions();
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        LoaderOptions loader = new LoaderOptions();
        Resolver untyped = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
            }
        };
        return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader, untyped);
    }
}
