package org.acdit4j.tracking.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.tracking.LoggedSteps;
import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.RunSummary;
import org.acdit4j.framework.tracking.TrackedExperiment;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.OpenRuns;
import org.acdit4j.tracking.NewLocalRun;
import org.acdit4j.tracking.RunSource;
import org.acdit4j.tracking.CreatablePath;
import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.UnusableStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded tracker: MLflow's file-store layout ("mlruns") under a root folder, readable by {@code mlflow ui}
 * and by MLflow's Python {@code FileStore}. Every file is replaced atomically (temporary file + rename) and every
 * change happens under a store-wide file lock, so several processes can log to one store at once and a killed
 * process leaves a readable store (its run stays RUNNING).
 */
public final class MlrunsStore implements Tracker {

    /** The default root, {@code ./mlruns}, as MLflow uses it. */
    public static final Path DEFAULT_ROOT = Path.of("mlruns");

    private static final Logger LOG = LoggerFactory.getLogger(MlrunsStore.class);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);
    private static final String DEFAULT_EXPERIMENT_NAME = "Default";
    private static final long MIN_EXPERIMENT_ID = 100_000_000_000_000_000L;
    private static final long MAX_EXPERIMENT_ID = 1_000_000_000_000_000_000L;

    private final MlrunsLayout layout;
    private final Clock clock;
    private final RunSource source;
    private final MetricBuffering buffering;
    private final MetaYaml metaYaml = new MetaYaml();
    private final StoreLock lock;
    private final OpenRuns<MlrunsRun> openRuns = new OpenRuns<>();

    /**
     * Opens (creating when missing) the store at {@code root}, with experiment {@code 0} "Default".
     *
     * @param clock     source of run start/end times and metric timestamps
     * @param source    user, program and git state for the system tags
     * @param buffering when buffered metric points are written
     */
    public MlrunsStore(Path root, Clock clock, RunSource source, MetricBuffering buffering) {
        this.layout = new MlrunsLayout(root);
        this.clock = clock;
        this.source = source;
        this.buffering = buffering;
        problem(layout.root()).ifPresent(problem -> {
            throw new UnusableStoreException(problem);
        });
        try {
            Files.createDirectories(layout.trash());
        } catch (IOException e) {
            throw new TrackingException("cannot create the tracking store " + layout.root() + ": " + e, e);
        }
        this.lock = new StoreLock(layout.lockFile(), LOCK_TIMEOUT);
        lock.run(this::createDefaultExperimentIfMissing);
    }

    /** Opens the store at {@code root} with the system clock, the detected run source and default buffering. */
    public static MlrunsStore open(Path root) {
        return new MlrunsStore(root, Clock.systemUTC(),
                RunSource.detect(Path.of("").toAbsolutePath(), System.getenv()), MetricBuffering.defaults());
    }

    /** What stops a store from being opened or created at {@code root}, found without creating anything. */
    public static Optional<String> problem(Path root) {
        Path folder = root.toAbsolutePath().normalize();
        if (Files.exists(folder)) {
            return Files.isDirectory(folder) ? Optional.empty()
                    : Optional.of("tracking store " + folder + " exists but is not a folder");
        }
        return CreatablePath.problem(folder).map(problem -> "tracking store " + folder + " cannot be created: " + problem);
    }

    /** True when the store at {@code root} holds the active run {@code runId}; reads only. */
    public static boolean holdsRun(Path root, String runId) {
        return Files.isDirectory(root) && new MlrunsLayout(root).findRunDir(runId).isPresent();
    }

    /** The absolute root folder. */
    public Path root() {
        return layout.root();
    }

    @Override
    public String describe() {
        return "MLflow file store " + layout.root();
    }

    @Override
    public TrackedRun startRun(RunStart start) {
        NewLocalRun run = NewLocalRun.of(start, source);
        RunMeta meta = lock.call(() -> {
            ExperimentMeta experiment = experimentByName(run.experimentName())
                    .orElseGet(() -> createExperiment(run.experimentName()));
            Path experimentDir = layout.experimentDir(experiment.experimentId());
            Path runDir = experimentDir.resolve(run.runId());
            String artifactLocation = experiment.artifactLocation() == null
                    ? MlrunsLayout.fileUri(experimentDir) : experiment.artifactLocation();
            RunMeta created = new RunMeta(run.runId(), run.runName(), experiment.experimentId(), source.user(),
                    RunStatus.RUNNING, clock.millis(), null,
                    artifactLocation + "/" + run.runId() + "/" + MlrunsLayout.ARTIFACTS, ExperimentMeta.ACTIVE);
            createFolders(runDir);
            AtomicFiles.write(runDir.resolve(MlrunsLayout.META), metaYaml.run(created), experimentDir);
            MlrunsRun.writeTags(runDir, run.tags());
            return created;
        });
        LOG.info("Started run {} ({}) in experiment '{}' of {}", run.runName(), run.runId(), run.experimentName(),
                layout.root());
        return open(layout.runDir(meta.experimentId(), run.runId()), meta, LoggedSteps.NONE);
    }

    @Override
    public TrackedRun resumeRun(String runId) {
        RunMeta meta = lock.call(() -> {
            Path runDir = layout.findRunDir(runId).orElseThrow(() -> new TrackingException(
                    "run " + runId + " not found in any active experiment of " + layout.root()));
            RunMeta running = readRunMeta(runDir).withStatus(RunStatus.RUNNING, null);
            writeRunMeta(runDir, running);
            return running;
        });
        Path runDir = layout.runDir(meta.experimentId(), runId);
        LoggedSteps logged = lock.call(() -> MlrunsReader.loggedSteps(runDir));
        LOG.info("Resumed run {} ({}) of {}", meta.runName(), runId, layout.root());
        return open(runDir, meta, logged);
    }

    @Override
    public List<TrackedExperiment> experiments() {
        return new MlrunsReader(layout, metaYaml).experiments();
    }

    @Override
    public List<RunSummary> runs(String experimentId) {
        return new MlrunsReader(layout, metaYaml).runs(experimentId);
    }

    @Override
    public void close() {
        openRuns.closeAfter(MlrunsRun::flush, lock::close);
    }

    StoreLock lock() {
        return lock;
    }

    RunMeta readRunMeta(Path runDir) {
        Path file = runDir.resolve(MlrunsLayout.META);
        try {
            return metaYaml.readRun(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new TrackingException("cannot read " + file + ": " + e, e);
        }
    }

    void writeRunMeta(Path runDir, RunMeta meta) {
        AtomicFiles.write(runDir.resolve(MlrunsLayout.META), metaYaml.run(meta), runDir);
    }

    private MlrunsRun open(Path runDir, RunMeta meta, LoggedSteps logged) {
        return openRuns.add(new MlrunsRun(this, runDir, meta, clock, buffering, logged, openRuns::remove));
    }

    private Optional<ExperimentMeta> experimentByName(String name) {
        MlrunsReader reader = new MlrunsReader(layout, metaYaml);
        Optional<ExperimentMeta> deleted = reader.deletedExperiments().stream()
                .filter(e -> e.name().equals(name)).findFirst();
        if (deleted.isPresent()) {
            throw new TrackingException("experiment '" + name + "' exists in deleted state in " + layout.trash()
                    + "; restore it with MLflow or choose another name");
        }
        return reader.experimentMetas().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private void createDefaultExperimentIfMissing() {
        if (!Files.exists(layout.experimentDir(MlrunsLayout.DEFAULT_EXPERIMENT_ID).resolve(MlrunsLayout.META))
                && !Files.exists(layout.trash().resolve(MlrunsLayout.DEFAULT_EXPERIMENT_ID))) {
            writeExperiment(MlrunsLayout.DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME);
        }
    }

    private ExperimentMeta createExperiment(String name) {
        String id;
        do {
            id = Long.toString(ThreadLocalRandom.current().nextLong(MIN_EXPERIMENT_ID, MAX_EXPERIMENT_ID));
        } while (Files.exists(layout.experimentDir(id)) || Files.exists(layout.trash().resolve(id)));
        ExperimentMeta meta = writeExperiment(id, name);
        LOG.info("Created experiment '{}' ({}) in {}", name, id, layout.root());
        return meta;
    }

    private ExperimentMeta writeExperiment(String id, String name) {
        Path dir = layout.experimentDir(id);
        long now = clock.millis();
        ExperimentMeta meta = new ExperimentMeta(id, name, MlrunsLayout.fileUri(dir), ExperimentMeta.ACTIVE, now, now);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TrackingException("cannot create experiment folder " + dir + ": " + e, e);
        }
        AtomicFiles.write(dir.resolve(MlrunsLayout.META), metaYaml.experiment(meta), dir);
        return meta;
    }

    private static void createFolders(Path runDir) {
        try {
            for (String folder : List.of(MlrunsLayout.METRICS, MlrunsLayout.PARAMS, MlrunsLayout.TAGS,
                    MlrunsLayout.ARTIFACTS)) {
                Files.createDirectories(runDir.resolve(folder));
            }
        } catch (IOException e) {
            throw new TrackingException("cannot create run folder " + runDir + ": " + e, e);
        }
    }
}
