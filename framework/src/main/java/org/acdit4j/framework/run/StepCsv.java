package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongPredicate;
import org.acdit4j.framework.io.AtomicFiles;

/**
 * The run folder's CSV files whose lines start with a training step ({@code loss.csv}, {@code
 * evaluation-progress.csv}): a resumed run cuts them back to the step of its checkpoint.
 */
final class StepCsv {

    private StepCsv() {
    }

    /**
     * Rewrites {@code file} (atomically) with only its well-formed lines of {@code columns} fields whose step
     * {@code keep} accepts; a missing file stays missing.
     */
    static void keepSteps(Path file, int columns, LongPredicate keep) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            StringBuilder kept = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split(",");
                if (parts.length == columns && keep.test(Long.parseLong(parts[0]))) {
                    kept.append(line).append('\n');
                }
            }
            AtomicFiles.writeString(file, kept.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
