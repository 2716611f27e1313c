package org.acdit4j.tracking;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * MLflow's rules for metric, param and tag names and value lengths, checked before anything is written so that
 * both backends reject the same input with the same one-line message.
 */
public final class TrackingKeys {

    /** Longest key MLflow accepts. */
    public static final int MAX_KEY_LENGTH = 250;
    /** Longest param value MLflow accepts. */
    public static final int MAX_PARAM_VALUE_LENGTH = 6000;
    /** Longest tag value MLflow accepts. */
    public static final int MAX_TAG_VALUE_LENGTH = 5000;
    /** Longest experiment name MLflow accepts. */
    public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;

    private static final Pattern ALLOWED = Pattern.compile("[/\\w.\\- ]+", Pattern.UNICODE_CHARACTER_CLASS);

    private TrackingKeys() {
    }

    /**
     * Checks a metric, param or tag name: letters, digits, {@code _ - . / space}, not empty, at most 250
     * characters, and a normalised relative path (no {@code .} or {@code ..} segment, no leading, trailing or
     * doubled {@code /}) because the file store uses it as a file name.
     *
     * @param kind "metric", "param" or "tag", used in the message
     */
    public static String requireValidKey(String kind, String key) {
        if (key == null || key.isEmpty()) {
            throw new TrackingException(kind + " name is empty; a name is required");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new TrackingException(kind + " name '" + key.substring(0, 40) + "...' has " + key.length()
                    + " characters; at most " + MAX_KEY_LENGTH + " are allowed");
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw new TrackingException("invalid " + kind + " name '" + key
                    + "': only letters, digits, '_', '-', '.', ' ' and '/' are allowed");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new TrackingException("invalid " + kind + " name '" + key
                        + "': '/'-separated parts must be non-empty and not '.' or '..'");
            }
        }
        return key;
    }

    /** Checks a param value (not null, at most 6000 characters). */
    public static String requireParamValue(String key, String value) {
        return requireValue("param", key, value, MAX_PARAM_VALUE_LENGTH);
    }

    /** Checks a tag value (not null, at most 5000 characters). */
    public static String requireTagValue(String key, String value) {
        return requireValue("tag", key, value, MAX_TAG_VALUE_LENGTH);
    }

    /** Checks an experiment name (not blank, at most 500 characters). */
    public static String requireExperimentName(String name) {
        if (name == null || name.isBlank()) {
            throw new TrackingException("experiment name is empty; a name is required");
        }
        if (name.length() > MAX_EXPERIMENT_NAME_LENGTH) {
            throw new TrackingException("experiment name '" + name.substring(0, 40) + "...' has "
                    + name.length() + " characters; at most " + MAX_EXPERIMENT_NAME_LENGTH + " are allowed");
        }
        return name;
    }

    private static String requireValue(String kind, String key, String value, int limit) {
        if (value == null) {
            throw new TrackingException(kind + " '" + key + "' has no value; use an empty string instead of null");
        }
        if (value.length() > limit) {
            throw new TrackingException(kind + " '" + key + "' has a value of " + value.length()
                    + " characters; at most " + limit + " are allowed");
        }
        return value;
    }

    /** Checks every key and value of a params map. */
    public static void requireValidParams(Map<String, String> params) {
        params.forEach((key, value) -> {
            requireValidKey("param", key);
            requireParamValue(key, value);
        });
    }

    /** Checks every key and value of a tags map. */
    public static void requireValidTags(Map<String, String> tags) {
        tags.forEach((key, value) -> {
            requireValidKey("tag", key);
            requireTagValue(key, value);
        });
    }
}
