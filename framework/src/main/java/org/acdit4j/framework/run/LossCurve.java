package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.acdit4j.framework.io.Csv;
import org.apache.commons.csv.CSVRecord;

/**
 * A run's training-loss curve in {@code loss.csv} ({@code step,loss} lines), appended whole lines at a time.
 * A resumed run first drops the lines past its checkpoint's step ({@link #dropAfter}), since it trains those steps
 * again; so every step is in the file once. (Of a step that is there twice anyway, as in folders written before
 * that rule, the later value is read.)
 */
public final class LossCurve {

    /** One point of the curve. */
    public record Point(long step, double loss) {
    }

    private LossCurve() {
    }

    public static Path file(RunFolder folder) {
        return folder.root().resolve("loss.csv");
    }

    static void append(RunFolder folder, long step, double loss) {
        try {
            Files.writeString(file(folder), Csv.line(step, loss), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file(folder), e);
        }
    }

    /** Rewrites the curve (atomically) without the points after {@code step}. */
    static void dropAfter(RunFolder folder, long step) {
        StepCsv.keepSteps(file(folder), 2, lineStep -> lineStep <= step);
    }

    public static List<Point> read(RunFolder folder) {
        Path file = file(folder);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        java.util.TreeMap<Long, Double> byStep = new java.util.TreeMap<>();
        for (CSVRecord line : Csv.read(file)) {
            if (line.size() == 2) {
                byStep.put(Long.parseLong(line.get(0)), Double.parseDouble(line.get(1)));
            }
        }
        List<Point> points = new ArrayList<>();
        byStep.forEach((step, loss) -> points.add(new Point(step, loss)));
        return points;
    }
}
