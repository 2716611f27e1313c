package org.acdit4j.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Copies a file into a run's local artifact folder, the same way for every store that keeps artifacts on
 * disk: the folder path is checked ({@link ArtifactPath}), no part of it may be a symbolic link, and the copy
 * is made in a temporary file outside the artifact folder and renamed into place, so a reader or a killed
 * writer never sees half a file.
 */
public final class LocalArtifacts {

    private static final String TEMP_PREFIX = ".acdit4j-tmp-";

    private LocalArtifacts() {
    }

    /**
     * Copies {@code file} into {@code artifactsRoot}/{@code artifactPath}, keeping its name.
     *
     * @param tempDir a folder on the same file system that MLflow does not list as artifacts
     * @param runId   the run, for messages
     */
    public static void copy(Path file, String artifactPath, Path artifactsRoot, Path tempDir, String runId) {
        ArtifactPath folder = ArtifactPath.parse(artifactPath);
        if (!Files.isRegularFile(file)) {
            throw new TrackingException("artifact source " + file + " is not a regular file; only files can be logged");
        }
        String fileName = ArtifactPath.requireFileName(file.getFileName().toString());
        Path target = createFolders(artifactsRoot, folder, artifactPath, runId).resolve(fileName);
        if (Files.isSymbolicLink(target) || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new TrackingException("artifact path '" + folder.resolve(fileName) + "' of run " + runId
                    + " is a symbolic link or a folder; only regular files inside the artifact folder are allowed");
        }
        Path temp = tempDir.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.copy(file, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new TrackingException("cannot copy " + file + " to " + target + ": " + e, e);
        }
    }

    private static Path createFolders(Path artifactsRoot, ArtifactPath folder, String requested, String runId) {
        Path current = artifactsRoot;
        try {
            Files.createDirectories(current);
            for (String segment : folder.segments()) {
                current = current.resolve(segment);
                if (Files.isSymbolicLink(current)) {
                    throw new TrackingException("artifact path '" + requested + "' of run " + runId
                            + " goes through the symbolic link " + current + "; symbolic links are not allowed");
                }
                Files.createDirectories(current);
            }
        } catch (IOException e) {
            throw new TrackingException("cannot create artifact folder " + current + ": " + e, e);
        }
        return current;
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the temporary file lives outside the artifact folder; a leftover is harmless
        }
    }
}
