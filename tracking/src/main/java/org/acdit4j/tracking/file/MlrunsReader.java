package org.acdit4j.tracking.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedExperiment;
import org.acdit4j.tracking.MetricPoint;
import org.acdit4j.tracking.RunSource;
import org.acdit4j.tracking.TrackingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads experiments and runs of a file store, skipping (with a debug line) folders that are not complete
 * experiments or runs, as MLflow does. Reads take no lock: every file is replaced atomically.
 */
final class MlrunsReader {

    private static final Logger LOG = LoggerFactory.getLogger(MlrunsReader.class);
    private static final Comparator<MetricPoint> MLFLOW_LATEST = Comparator.comparingLong(MetricPoint::step)
            .thenComparingLong(MetricPoint::timestampMillis).thenComparingDouble(MetricPoint::value);

    private final MlrunsLayout layout;
    private final MetaYaml metaYaml;

    MlrunsReader(MlrunsLayout layout, MetaYaml metaYaml) {
        this.layout = layout;
        this.metaYaml = metaYaml;
    }

    List<TrackedExperiment> experiments() {
        return experimentMetas().stream().map(e -> new TrackedExperiment(e.experimentId(), e.name())).toList();
    }

    List<ExperimentMeta> experimentMetas() {
        return metas(layout.experimentDirs());
    }

    List<ExperimentMeta> deletedExperiments() {
        return metas(new MlrunsLayout(layout.trash()).experimentDirs());
    }

    List<RunSummary> runs(String experimentId) {
        Path experimentDir = layout.experimentDir(experimentId);
        if (!Files.isRegularFile(experimentDir.resolve(MlrunsLayout.META))) {
            throw new TrackingException("experiment " + experimentId + " not found in " + layout.root());
        }
        List<RunSummary> runs = new ArrayList<>();
        for (Path runDir : layout.runDirs(experimentDir)) {
            readRun(runDir, experimentId).ifPresent(runs::add);
        }
        return runs;
    }

    private List<ExperimentMeta> metas(List<Path> experimentDirs) {
        List<ExperimentMeta> metas = new ArrayList<>();
        for (Path dir : experimentDirs) {
            Path file = dir.resolve(MlrunsLayout.META);
            try {
                ExperimentMeta meta = metaYaml.readExperiment(Files.readAllBytes(file), file.toString());
                if (meta.experimentId().equals(dir.getFileName().toString())
                        && ExperimentMeta.ACTIVE.equals(meta.lifecycleStage())) {
                    metas.add(meta);
                }
            } catch (IOException | TrackingException e) {
                LOG.debug("Skipping malformed experiment folder {}: {}", dir, e.getMessage());
            }
        }
        return metas;
    }

    private Optional<RunSummary> readRun(Path runDir, String experimentId) {
        Path metaFile = runDir.resolve(MlrunsLayout.META);
        try {
            RunMeta meta = metaYaml.readRun(Files.readAllBytes(metaFile), metaFile.toString());
            if (!meta.experimentId().equals(experimentId) || !ExperimentMeta.ACTIVE.equals(meta.lifecycleStage())) {
                return Optional.empty();
            }
            Map<String, String> tags = texts(runDir.resolve(MlrunsLayout.TAGS));
            Map<String, String> params = texts(runDir.resolve(MlrunsLayout.PARAMS));
            Map<String, Double> latest = new TreeMap<>();
            long latestStep = 0;
            for (Map.Entry<String, Path> metric : files(runDir.resolve(MlrunsLayout.METRICS)).entrySet()) {
                Optional<MetricPoint> point = latestPoint(metric.getKey(), metric.getValue());
                if (point.isPresent()) {
                    latest.put(point.get().key(), point.get().value());
                    latestStep = Math.max(latestStep, point.get().step());
                }
            }
            String runName = meta.runName().isEmpty() ? tags.getOrDefault(RunSource.RUN_NAME, "") : meta.runName();
            return Optional.of(new RunSummary(meta.runId(), runName, meta.status(),
                    tags.get(RunSource.PARENT_RUN_ID), params, tags, latest, latestStep));
        } catch (IOException | TrackingException e) {
            LOG.debug("Skipping malformed run folder {}: {}", runDir, e.getMessage());
            return Optional.empty();
        }
    }

    /** The largest step of each metric file of the run in {@code runDir}. */
    static LoggedSteps loggedSteps(Path runDir) {
        Map<String, Long> lastSteps = new TreeMap<>();
        try {
            for (Map.Entry<String, Path> metric : files(runDir.resolve(MlrunsLayout.METRICS)).entrySet()) {
                try (Stream<String> lines = Files.lines(metric.getValue(), StandardCharsets.UTF_8)) {
                    lines.map(line -> MetricLines.parse(metric.getKey(), line)).flatMap(Optional::stream)
                            .mapToLong(MetricPoint::step).max().ifPresent(step -> lastSteps.put(metric.getKey(), step));
                }
            }
        } catch (IOException e) {
            throw new TrackingException("cannot read the metric histories of " + runDir + ": " + e, e);
        }
        return new LoggedSteps(lastSteps);
    }

    private static Optional<MetricPoint> latestPoint(String key, Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.map(line -> MetricLines.parse(key, line)).flatMap(Optional::stream).max(MLFLOW_LATEST);
        }
    }

    private static Map<String, String> texts(Path folder) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (Map.Entry<String, Path> entry : files(folder).entrySet()) {
            texts.put(entry.getKey(), Files.readString(entry.getValue(), StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** Files under a folder by their '/'-separated relative name (the metric, param or tag key). */
    private static Map<String, Path> files(Path folder) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String key = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                files.put(key, file);
            });
        }
        return files;
    }
}
