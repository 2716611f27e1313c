package org.acdit4j.experiments.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.report.ImageGrid;
import org.acdit4j.framework.report.SampleFiles;

/** What {@code acdit sample --out} writes, chosen by the form of the path. */
enum SampleOutput {
    /** {@code *.png}: one grid, ten samples per row. */
    GRID {
        @Override
        void write(ImageBatch samples, Path path) {
            ImageGrid.writePng(samples, Math.min(10, samples.size()), 2, path);
        }
    },
    /** {@code *.npz}: the ADM evaluator's layout. */
    NPZ {
        @Override
        void write(ImageBatch samples, Path path) {
            SampleFiles.writeNpz(samples, path);
        }
    },
    /** A folder ({@code DIR/} or an existing folder): numbered PNGs at native resolution. */
    PNG_FOLDER {
        @Override
        void write(ImageBatch samples, Path path) {
            SampleFiles.writePngFolder(samples, path);
        }
    };

    abstract void write(ImageBatch samples, Path path);

    /** Whether writing to {@code path} would replace files: the file exists, or the folder holds PNGs. */
    boolean wouldOverwrite(Path path) {
        if (this != PNG_FOLDER) {
            return Files.exists(path);
        }
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".png"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    /** The output {@code out} names; a one-line usage error for anything else. */
    static SampleOutput of(String out) {
        if (out.endsWith("/") || Files.isDirectory(Path.of(out))) {
            return PNG_FOLDER;
        }
        if (out.endsWith(".npz")) {
            return NPZ;
        }
        if (out.endsWith(".png")) {
            return GRID;
        }
        throw new UsageException("--out " + out + ": allowed are FILE.png (a grid), FILE.npz (the ADM evaluator's "
                + "layout) or DIR/ (numbered PNGs)");
    }
}
