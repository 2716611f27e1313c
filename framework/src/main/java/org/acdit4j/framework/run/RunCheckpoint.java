package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.acdit4j.framework.model.GenerativeModel;

/**
 * A run's checkpoint file: the model plugin's full training state together with the run's resolved configuration,
 * as two entries of one zip ({@value #CONFIGURATION}, then {@value #MODEL_STATE}). A checkpoint copied out of its run
 * folder is therefore enough to rebuild the model it holds. Written to a temporary file and moved into place.
 */
public final class RunCheckpoint {

    static final String CONFIGURATION = "configuration.yaml";
    static final String MODEL_STATE = "model-state";

    private RunCheckpoint() {
    }

    /** Saves {@code model} with {@code configuration} (dotted keys) into {@code file}, atomically. */
    public static void write(GenerativeModel model, Map<String, String> configuration, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path state = Files.createTempFile(folder, "state", ".tmp");
        try {
            model.save(state);
            pack(configuration, state, file);
        } finally {
            Files.deleteIfExists(state);
        }
    }

    /** The same model state as {@code source} under {@code configuration}, written to {@code target}. */
    public static void copy(Path source, Map<String, String> configuration, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path state = Files.createTempFile(folder, "state", ".tmp");
        try {
            extractState(source, state);
            pack(configuration, state, target);
        } finally {
            Files.deleteIfExists(state);
        }
    }

    /** The resolved configuration stored in {@code file}. */
    public static Map<String, String> configuration(Path file) throws IOException {
        try (ZipInputStream zip = open(file)) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null || !entry.getName().equals(CONFIGURATION)) {
                throw new IOException(file + " is not a run checkpoint (no " + CONFIGURATION + " entry first)");
            }
            return ConfigYaml.parse(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException(file + " is truncated or not a run checkpoint (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Restores {@code model} from the state stored in {@code file}. */
    public static void restore(GenerativeModel model, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path state = Files.createTempFile(folder, "state", ".tmp");
        try {
            extractState(file, state);
            model.restore(state);
        } finally {
            Files.deleteIfExists(state);
        }
    }

    private static void pack(Map<String, String> configuration, Path state, Path file) throws IOException {
        Path incoming = Files.createTempFile(file.toAbsolutePath().getParent(), "checkpoint", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(incoming); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.BEST_SPEED);
                zip.putNextEntry(new ZipEntry(CONFIGURATION));
                zip.write(ConfigYaml.render(configuration).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(MODEL_STATE));
                Files.copy(state, zip);
                zip.closeEntry();
            }
            Files.move(incoming, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    private static void extractState(Path file, Path state) throws IOException {
        try (ZipInputStream zip = open(file)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(MODEL_STATE)) {
                    Files.copy(zip, state, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException(file + " is truncated or not a run checkpoint (" + e.getMessage() + ")", e);
        }
        throw new IOException(file + " is truncated or not a run checkpoint (no " + MODEL_STATE + " entry)");
    }

    private static ZipInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        InputStream in = Files.newInputStream(file);
        return new ZipInputStream(in);
    }
}
