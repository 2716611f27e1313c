package org.acdit4j.framework.run;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.acdit4j.framework.model.GenerativeModel;

/**
 * A run's checkpoint file: the run's resolved configuration, the training step and the model plugin's full training
 * state, as three entries of one zip ({@value #CONFIGURATION}, {@value #STEP}, {@value #MODEL_STATE}). A checkpoint
 * copied out of its run folder is therefore enough to rebuild the model it holds. Written to a temporary file, synced
 * and moved into place; read back only after every entry passed its CRC check, so a truncated or damaged file is
 * reported as such ({@link UnusableCheckpointException}, naming the file) instead of half-restoring a model.
 */
public final class RunCheckpoint {

    static final String CONFIGURATION = "configuration.yaml";
    static final String STEP = "step";
    static final String MODEL_STATE = "model-state";
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private RunCheckpoint() {
    }

    /** Saves {@code model} with {@code configuration} (dotted keys) into {@code file}, atomically. */
    public static void write(GenerativeModel model, Map<String, String> configuration, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path state = Files.createTempFile(folder, "state", ".tmp");
        try {
            model.save(state);
            pack(configuration, model.step(), state, file);
        } finally {
            Files.deleteIfExists(state);
        }
    }

    /**
     * Saves {@code model} as the run folder's latest checkpoint; the latest one so far becomes the previous one (the
     * one before is dropped). Each file is complete when it appears under its name.
     */
    public static void save(GenerativeModel model, Map<String, String> configuration, RunFolder folder)
            throws IOException {
        Path incoming = folder.checkpoints().resolve("incoming.ckpt.tmp");
        write(model, configuration, incoming);
        if (Files.isRegularFile(folder.latestCheckpoint())) {
            Files.move(folder.latestCheckpoint(), folder.previousCheckpoint(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(incoming, folder.latestCheckpoint(), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The same model state and step as {@code source} under {@code configuration}, written to {@code target}. */
    public static void copy(Path source, Map<String, String> configuration, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path state = Files.createTempFile(folder, "state", ".tmp");
        try {
            long step = extractState(source, state);
            pack(configuration, step, state, target);
        } finally {
            Files.deleteIfExists(state);
        }
    }

    /** The configuration and step stored in {@code file}, after checking every entry of it. */
    public static CheckpointContents read(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            verify(file, zip, MODEL_STATE, OutputStream.nullOutputStream());
            return contents(file, zip);
        }
    }

    /** The resolved configuration stored in {@code file}. */
    public static Map<String, String> configuration(Path file) throws IOException {
        return read(file).configuration();
    }

    /** Restores {@code model} from the state stored in {@code file}. */
    public static void restore(GenerativeModel model, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path state = Files.createTempFile(folder, "state", ".tmp");
        try {
            extractState(file, state);
            model.restore(state);
        } catch (RuntimeException e) {
            throw new UnusableCheckpointException(file + " does not fit this model (" + e.getMessage() + ")", e);
        } finally {
            Files.deleteIfExists(state);
        }
    }

    private static void pack(Map<String, String> configuration, long step, Path state, Path file) throws IOException {
        Path incoming = Files.createTempFile(file.toAbsolutePath().getParent(), "checkpoint", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(incoming); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.BEST_SPEED);
                zip.putNextEntry(entry(CONFIGURATION));
                zip.write(ConfigYaml.render(configuration).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(entry(STEP));
                zip.write(Long.toString(step).getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
                zip.putNextEntry(entry(MODEL_STATE));
                Files.copy(state, zip);
                zip.closeEntry();
            }
            try (FileChannel channel = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(incoming, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    /** An entry with a fixed time, so that equal training states give byte-identical checkpoints. */
    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    /** Copies the model state of {@code file} to {@code state}; returns the checkpoint's step. */
    private static long extractState(Path file, Path state) throws IOException {
        try (ZipFile zip = open(file); OutputStream out = Files.newOutputStream(state)) {
            verify(file, zip, MODEL_STATE, out);
            return contents(file, zip).step();
        }
    }

    private static CheckpointContents contents(Path file, ZipFile zip) throws IOException {
        String configuration = text(file, zip, CONFIGURATION);
        String step = text(file, zip, STEP);
        try {
            return new CheckpointContents(ConfigYaml.parse(configuration), Long.parseLong(step.strip()));
        } catch (IllegalArgumentException e) {
            throw new UnusableCheckpointException(file + " is corrupt (" + e.getMessage() + ")", e);
        }
    }

    private static String text(Path file, ZipFile zip, String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        verify(file, zip, entry, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Copies entry {@code name} of {@code zip} into {@code sink}, checking its CRC. */
    private static void verify(Path file, ZipFile zip, String name, OutputStream sink) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new UnusableCheckpointException(file + " is not a run checkpoint (it has no " + name + " entry)");
        }
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            in.transferTo(sink);
        } catch (ZipException | EOFException e) {
            throw new UnusableCheckpointException(file + " is corrupt (entry " + name + ": " + e.getMessage() + ")", e);
        }
        if (crc.getValue() != entry.getCrc()) {
            throw new UnusableCheckpointException(file + " is corrupt (entry " + name + " fails its CRC check)");
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UnusableCheckpointException(file + " is not a file");
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(ZIP_SIGNATURE.length);
        }
        if (!Arrays.equals(start, ZIP_SIGNATURE)) {
            throw new UnusableCheckpointException(file + " is not a run checkpoint (not a zip file)");
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            String fault = e.getMessage() != null && e.getMessage().contains("END header")
                    ? "is truncated (" + Files.size(file) + " bytes, the zip directory at its end is missing)"
                    : "is corrupt (its zip directory is unreadable: " + e.getMessage() + ")";
            throw new UnusableCheckpointException(file + " " + fault, e);
        }
    }
}
