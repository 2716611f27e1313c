package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.acdit4j.framework.data.SyntheticShapes;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.testing.ClassMeanModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files as written, rotated, and as they are found after a crash or a bad copy: damaged. */
class RunCheckpointTest {

    private static final Map<String, String> CONFIGURATION = Map.of("train.lr", "0.05", "run.seed", "0");

    @TempDir
    Path directory;

    private final ClassMeanModel model = new ClassMeanModel(
            new SyntheticShapes().geometry(DataSpec.of(SyntheticShapes.NAME, 8)), 0.05);

    private Path trainedCheckpoint(int steps) throws Exception {
        train(steps);
        Path file = directory.resolve("run.ckpt");
        RunCheckpoint.write(model, CONFIGURATION, file);
        return file;
    }

    private void train(int steps) {
        var batches = new SyntheticShapes().open(DataSpec.of(SyntheticShapes.NAME, 8)).train().batches(4, 0);
        for (int i = 0; i < steps; i++) {
            model.trainStep(batches.batch(model.step()));
        }
    }

    @Test
    void aCheckpointReadsBackItsConfigurationStepAndModel() throws Exception {
        Path file = trainedCheckpoint(3);

        assertThat(RunCheckpoint.read(file)).isEqualTo(new CheckpointContents(CONFIGURATION, 3));
        ClassMeanModel restored = new ClassMeanModel(model.geometry(), 0.05);
        RunCheckpoint.restore(restored, file);
        assertThat(restored.step()).isEqualTo(3);
        assertThat(RunExecutorTest.meanPixel(restored)).isEqualTo(RunExecutorTest.meanPixel(model));
        try (var left = Files.list(directory)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void saveKeepsTheLatestTwoCheckpoints() throws Exception {
        RunFolder folder = new RunFolder(directory.resolve("run"));
        folder.createDirectories();
        for (int i = 0; i < 3; i++) {
            train(1);
            RunCheckpoint.save(model, CONFIGURATION, folder);
        }

        assertThat(RunCheckpoint.read(folder.latestCheckpoint()).step()).isEqualTo(3);
        assertThat(RunCheckpoint.read(folder.previousCheckpoint()).step()).isEqualTo(2);
        try (var files = Files.list(folder.checkpoints())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("latest.ckpt",
                    "previous.ckpt");
        }
    }

    @Test
    void aTruncatedCheckpointIsReportedAsTruncatedNamingTheFile() throws Exception {
        Path file = trainedCheckpoint(2);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        String expected = file + " is truncated (" + whole.length / 2 + " bytes, the zip directory at its end is missing)";
        assertThatThrownBy(() -> RunCheckpoint.read(file)).isInstanceOf(UnusableCheckpointException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> RunCheckpoint.restore(new ClassMeanModel(model.geometry(), 0.05), file))
                .hasMessage(expected);
    }

    @Test
    void aDamagedModelStateIsReportedAsCorruptNamingTheFileAndTheEntry() throws Exception {
        Path file = trainedCheckpoint(2);
        byte[] bytes = Files.readAllBytes(file);
        int directoryStart = ByteBuffer.wrap(bytes, bytes.length - 6, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int insideModelState = directoryStart - 16 - 8;              // before the entry's 16-byte data descriptor
        bytes[insideModelState] ^= (byte) 0x5a;
        Files.write(file, bytes);

        assertThatThrownBy(() -> RunCheckpoint.read(file)).isInstanceOf(UnusableCheckpointException.class)
                .message().startsWith(file + " is corrupt (entry model-state");
    }

    @Test
    void aFileThatIsNoCheckpointSaysSo() throws Exception {
        Path text = Files.writeString(directory.resolve("notes.ckpt"), "not a checkpoint");
        Path otherZip = directory.resolve("other.ckpt");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(otherZip))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write(1);
            zip.closeEntry();
        }

        assertThatThrownBy(() -> RunCheckpoint.read(text))
                .hasMessage(text + " is not a run checkpoint (not a zip file)");
        assertThatThrownBy(() -> RunCheckpoint.read(otherZip))
                .hasMessage(otherZip + " is not a run checkpoint (it has no model-state entry)");
        assertThatThrownBy(() -> RunCheckpoint.read(directory.resolve("missing.ckpt")))
                .hasMessage(directory.resolve("missing.ckpt") + " is not a file");
    }
}
