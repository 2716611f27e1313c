package org.acdit4j.tracking;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated artifact folder inside a run's artifacts: relative, '/'-separated, without {@code .} or
 * {@code ..} segments, backslashes or control characters. The empty path is the artifact root.
 */
public record ArtifactPath(List<String> segments) {

    public ArtifactPath {
        segments = List.copyOf(segments);
    }

    /** Parses and checks a folder given by the caller; {@code null} or empty means the artifact root. */
    public static ArtifactPath parse(String artifactPath) {
        if (artifactPath == null || artifactPath.isEmpty()) {
            return new ArtifactPath(List.of());
        }
        if (artifactPath.startsWith("/") || artifactPath.matches("^[A-Za-z]:.*")) {
            throw rejected(artifactPath, "absolute paths are not allowed");
        }
        if (artifactPath.contains("\\")) {
            throw rejected(artifactPath, "use '/' as separator, backslashes are not allowed");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : artifactPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw rejected(artifactPath, "'.' and '..' segments are not allowed");
            }
            if (segment.chars().anyMatch(Character::isISOControl)) {
                throw rejected(artifactPath, "control characters are not allowed");
            }
            segments.add(segment);
        }
        return new ArtifactPath(segments);
    }

    /** Checks a file name that is placed inside an artifact folder. */
    public static String requireFileName(String fileName) {
        if (fileName == null || fileName.isEmpty() || fileName.equals(".") || fileName.equals("..")
                || fileName.contains("/") || fileName.contains("\\")
                || fileName.chars().anyMatch(Character::isISOControl)) {
            throw new TrackingException("invalid artifact file name '" + fileName
                    + "': a plain file name without separators or control characters is required");
        }
        return fileName;
    }

    /** This folder followed by {@code fileName}, '/'-separated. */
    public String resolve(String fileName) {
        List<String> all = new ArrayList<>(segments);
        all.add(requireFileName(fileName));
        return String.join("/", all);
    }

    private static TrackingException rejected(String artifactPath, String reason) {
        return new TrackingException("invalid artifact path '" + artifactPath
                + "': it must be relative to the run's artifact folder; " + reason);
    }
}
