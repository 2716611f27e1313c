package org.acdit4j.framework.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongPredicate;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.io.Csv;
import org.apache.commons.csv.CSVRecord;

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
        StringBuilder kept = new StringBuilder();
        for (CSVRecord line : Csv.read(file)) {
            if (line.size() == columns && keep.test(Long.parseLong(line.get(0)))) {
                kept.append(Csv.line(line));
            }
        }
        AtomicFiles.writeString(file, kept.toString());
    }
}
