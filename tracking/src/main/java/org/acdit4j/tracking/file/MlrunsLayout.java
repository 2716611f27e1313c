package org.acdit4j.tracking.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.acdit4j.tracking.FileUris;
import org.acdit4j.tracking.TrackingException;

/**
 * Where things live in MLflow's file store:
 * {@code <root>/<experiment_id>/meta.yaml} and
 * {@code <root>/<experiment_id>/<run_id>/{meta.yaml, metrics/, params/, tags/, artifacts/}}, deleted
 * experiments under {@code <root>/.trash}. Only experiment folders may be folders directly under the root:
 * MLflow treats every other folder there as an experiment and rejects the whole store when its name is not a
 * valid experiment id.
 */
final class MlrunsLayout {

    static final String META = "meta.yaml";
    static final String METRICS = "metrics";
    static final String PARAMS = "params";
    static final String TAGS = "tags";
    static final String ARTIFACTS = "artifacts";
    static final String TRASH = ".trash";
    static final String LOCK_FILE = ".acdit4j.lock";
    static final String DEFAULT_EXPERIMENT_ID = "0";

    private static final Pattern EXPERIMENT_ID = Pattern.compile("[a-zA-Z0-9][\\w\\-]{0,63}");
    private static final Pattern RUN_ID = Pattern.compile("[a-zA-Z0-9][\\w\\-]{0,255}");
    private static final List<String> RESERVED_EXPERIMENT_FOLDERS = List.of(TAGS, "datasets", "traces");

    private final Path root;

    MlrunsLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path trash() {
        return root.resolve(TRASH);
    }

    Path lockFile() {
        return root.resolve(LOCK_FILE);
    }

    Path experimentDir(String experimentId) {
        return root.resolve(experimentId);
    }

    Path runDir(String experimentId, String runId) {
        return experimentDir(experimentId).resolve(runId);
    }

    /** Folders of active experiments (valid ids with a meta.yaml). */
    List<Path> experimentDirs() {
        return subfolders(root).filter(dir -> EXPERIMENT_ID.matcher(name(dir)).matches())
                .filter(dir -> Files.isRegularFile(dir.resolve(META))).toList();
    }

    /** Folders of an experiment's runs (valid ids with a meta.yaml). */
    List<Path> runDirs(Path experimentDir) {
        return subfolders(experimentDir).filter(dir -> !RESERVED_EXPERIMENT_FOLDERS.contains(name(dir)))
                .filter(dir -> RUN_ID.matcher(name(dir)).matches())
                .filter(dir -> Files.isRegularFile(dir.resolve(META))).toList();
    }

    /** The folder of an active run, searching every active experiment. */
    Optional<Path> findRunDir(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new TrackingException("invalid run id '" + runId + "': expected letters, digits, '_' or '-'");
        }
        return experimentDirs().stream().map(dir -> dir.resolve(runId))
                .filter(dir -> Files.isRegularFile(dir.resolve(META))).findFirst();
    }

    /** MLflow's form of a local folder URI: {@code file:///absolute/path}, percent-encoded. */
    static String fileUri(Path folder) {
        return FileUris.of(folder);
    }

    /** The local folder of a {@code file:} URI read from a meta.yaml. */
    static Path folderOf(String fileUri, Path metaFile) {
        return FileUris.toPath(fileUri, metaFile.toString());
    }

    private static Stream<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new TrackingException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }
}
