package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.io.Csv;
import org.apache.commons.csv.CSVRecord;

/**
 * A run's evaluations over training in {@code evaluation-progress.csv}: one {@code step,imagesSeen,trainFlops,
 * metric,value} line per metric and evaluation ({@code track.evaluateEvery} and the final one). It gives
 * quality against images seen and against training compute, so configurations with different costs per step
 * can be compared at equal FLOPs. A resumed run first drops the evaluations it will make again ({@link #dropFrom}), so
 * every evaluation is in the file once (of one there twice anyway, the later value is read).
 */
public final class EvaluationProgress {

    /** One metric of one evaluation. */
    public record Point(long step, double imagesSeen, double trainFlops, String metric, double value) {
    }

    private EvaluationProgress() {
    }

    public static Path file(RunFolder folder) {
        return folder.root().resolve("evaluation-progress.csv");
    }

    static void append(RunFolder folder, long step, double imagesSeen, double trainFlops, Map<String, Double> metrics) {
        StringBuilder lines = new StringBuilder();
        metrics.forEach((metric, value) -> lines.append(line(new Point(step, imagesSeen, trainFlops, metric, value))));
        try {
            Files.writeString(file(folder), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file(folder), e);
        }
    }

    /** Rewrites the file (atomically) without the evaluations at {@code step} and after. */
    static void dropFrom(RunFolder folder, long step) {
        StepCsv.keepSteps(file(folder), 5, lineStep -> lineStep < step);
    }

    /** One point as the file's {@code step,imagesSeen,trainFlops,metric,value} line, newline included. */
    static String line(Point p) {
        return Csv.line(p.step(), p.imagesSeen(), p.trainFlops(), p.metric(), p.value());
    }

    /** The points of {@code folder} in step order (empty when the run never evaluated). */
    public static List<Point> read(RunFolder folder) {
        Path file = file(folder);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Map<String, Point> latest = new LinkedHashMap<>();
        for (CSVRecord line : Csv.read(file)) {
            if (line.size() == 5) {
                Point point = new Point(Long.parseLong(line.get(0)), Double.parseDouble(line.get(1)),
                        Double.parseDouble(line.get(2)), line.get(3), Double.parseDouble(line.get(4)));
                latest.remove(point.step() + "/" + point.metric());
                latest.put(point.step() + "/" + point.metric(), point);
            }
        }
        List<Point> points = new ArrayList<>(latest.values());
        points.sort(java.util.Comparator.comparingLong(Point::step));
        return points;
    }
}
