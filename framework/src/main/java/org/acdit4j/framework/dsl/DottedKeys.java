package org.acdit4j.framework.dsl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import org.acdit4j.framework.spec.EnumTexts;

/**
 * Every settable field of an experiment builder under its dotted key ({@code model.depth}), with
 * type-checked parsing of string values and closest-key suggestions for typos. An enum field is set by the
 * {@code toString()} of its constants, its command-line names, which are also what {@link #get} returns.
 */
final class DottedKeys {

    private record Binding(Section section, Field field) {
    }

    /** In section order, then field declaration order: the order of swept keys in run names. */
    private final Map<String, Binding> bindings = new LinkedHashMap<>();

    /** Keys the builder handles itself (e.g. {@code model.name}): listed and suggested, not bound to a field. */
    private final List<String> builderKeys;

    DottedKeys(List<Section> sections, List<String> builderKeys) {
        this.builderKeys = List.copyOf(builderKeys);
        for (Section section : sections) {
            for (Field field : keyFields(section.getClass())) {
                field.setAccessible(true);
                bindings.put(section.key() + "." + field.getName(), new Binding(section, field));
            }
        }
    }

    /** The fields of {@code type} that are keys, those a superclass declares (e.g. a plugin's shared keys) first. */
    private static List<Field> keyFields(Class<?> type) {
        if (type == Section.class) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>(keyFields(type.getSuperclass()));
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && !Modifier.isTransient(modifiers)
                    && !field.isSynthetic()) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** Every key, sorted. */
    List<String> keys() {
        TreeSet<String> all = new TreeSet<>(bindings.keySet());
        all.addAll(builderKeys);
        return List.copyOf(all);
    }

    boolean contains(String key) {
        return bindings.containsKey(key);
    }

    /** Sets {@code key} from its string form; returns a problem message, or {@code null} on success. */
    String set(String key, String text) {
        Binding binding = bindings.get(key);
        if (binding == null) {
            return unknownKeyMessage(key);
        }
        Object value;
        try {
            value = parse(binding.field().getGenericType(), text.strip());
        } catch (IllegalArgumentException e) {
            return e.getMessage() + ", got '" + text + "'";
        }
        try {
            binding.field().set(binding.section(), value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + key, e);
        }
        return null;
    }

    /** Checks that {@code text} parses as {@code key}'s type; returns a problem message or {@code null}. */
    String check(String key, String text) {
        Binding binding = bindings.get(key);
        if (binding == null) {
            return unknownKeyMessage(key);
        }
        try {
            parse(binding.field().getGenericType(), text.strip());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage() + ", got '" + text + "'";
        }
    }

    /** The current value of {@code key} in the same string form that {@link #set} accepts. */
    String get(String key) {
        Object value = value(key);
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /**
     * Adds a problem for every enum key that holds no constant (a definition may pass {@code null} to its setter),
     * naming the allowed texts; a misspelt text is refused where it is set ({@link #set}).
     */
    void requireConstants(Problems problems) {
        bindings.forEach((key, binding) -> {
            Class<?> type = binding.field().getType();
            if (type.isEnum()) {
                problems.require(value(key) != null, key, "must be one of " + EnumTexts.allowed(type) + ", got null");
            }
        });
    }

    private Object value(String key) {
        Binding binding = bindings.get(key);
        try {
            return binding.field().get(binding.section());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + key, e);
        }
    }

    /** All keys and current values, in section and field order. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : bindings.keySet()) {
            values.put(key, get(key));
        }
        return values;
    }

    String unknownKeyMessage(String key) {
        List<String> close = closest(key);
        return "unknown key" + (close.isEmpty() ? "; valid keys: " + String.join(", ", keys())
                : "; did you mean " + String.join(" or ", close) + "?");
    }

    List<String> closest(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, key.length() / 3);
        List<String> candidates = new ArrayList<>();
        for (String known : keys()) {
            String knownLower = known.toLowerCase(Locale.ROOT);
            String suffix = knownLower.substring(knownLower.indexOf('.') + 1);
            if (distance(lower, knownLower) <= limit || lower.equals(suffix) || knownLower.endsWith("." + lower)) {
                candidates.add(known);
            }
        }
        candidates.sort(Comparator.comparingInt(known -> distance(lower, known.toLowerCase(Locale.ROOT))));
        if (candidates.isEmpty()) {
            return candidates;
        }
        int best = distance(lower, candidates.get(0).toLowerCase(Locale.ROOT));
        return candidates.stream().filter(known -> distance(lower, known.toLowerCase(Locale.ROOT)) == best)
                .limit(3).toList();
    }

    private static Object parse(Type type, String text) {
        if (type == int.class) {
            return parseWith(text, "expected an integer", Integer::parseInt);
        }
        if (type == long.class) {
            return parseWith(text, "expected an integer", Long::parseLong);
        }
        if (type == double.class) {
            return parseWith(text, "expected a number", Double::parseDouble);
        }
        if (type == boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(text);
        }
        if (type == String.class) {
            return text;
        }
        if (type instanceof Class<?> options && options.isEnum()) {
            return EnumTexts.parse(options, text);
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            List<Object> values = new ArrayList<>();
            if (!text.isEmpty()) {
                for (String part : text.split(",")) {
                    values.add(parse(element == Long.class ? long.class : element == Double.class ? double.class
                            : element == Integer.class ? int.class : element, part.strip()));
                }
            }
            return values;
        }
        throw new IllegalStateException("unsupported key type " + type);
    }

    private static Object parseWith(String text, String expectation, java.util.function.Function<String, Object> parser) {
        try {
            return parser.apply(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expectation);
        }
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
