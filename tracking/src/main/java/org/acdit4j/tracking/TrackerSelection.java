package org.acdit4j.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.file.MlrunsStore;
import org.acdit4j.tracking.server.MlflowServerTracker;
import org.acdit4j.tracking.server.ServerSettings;
import org.acdit4j.tracking.sql.SqliteLocation;
import org.acdit4j.tracking.sql.SqliteStore;
import org.acdit4j.tracking.sql.SqliteStoreState;
import org.acdit4j.tracking.sql.SqliteStoreStatus;

/**
 * Chooses and opens the tracker from a tracking URI: the explicit value (the CLI's {@code --tracking-uri})
 * first, then the environment's {@code MLFLOW_TRACKING_URI}, then {@value #DEFAULT_URI} (MLflow's own default since
 * 3.7: a SQLite database in the working folder, artifacts beside it). A path or {@code file:} URI
 * opens the embedded {@link MlrunsStore}; a {@code sqlite:} URI opens MLflow's SQL store in that database file
 * ({@link SqliteStore}; SQLAlchemy's form: {@code sqlite:///relative.db}, {@code sqlite:////absolute.db}); an
 * {@code http://} or {@code https://} URL connects an {@link MlflowServerTracker}; anything else is a one-line
 * error naming the value and what is allowed.
 */
public final class TrackerSelection {

    public static final String TRACKING_URI = "MLFLOW_TRACKING_URI";
    public static final String FLAG = "--tracking-uri";
    /** Where runs go when nothing names a store. */
    public static final String DEFAULT_URI = "sqlite:///mlflow.db";

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):.*", Pattern.DOTALL);

    private final Map<String, String> environment;
    private final Path workingDir;
    private final Clock clock;
    private final MetricBuffering localBuffering;
    private final ServerSettings serverSettings;

    /**
     * @param environment the process environment (tracking URI and server credentials)
     * @param workingDir  folder relative paths are resolved against; also where git state is detected
     */
    public TrackerSelection(Map<String, String> environment, Path workingDir, Clock clock,
                            MetricBuffering localBuffering, ServerSettings serverSettings) {
        this.environment = Map.copyOf(environment);
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.clock = clock;
        this.localBuffering = localBuffering;
        this.serverSettings = serverSettings;
    }

    /** Resolves the target without opening it; {@code explicitUri} may be {@code null} or blank. */
    public TrackingTarget resolve(String explicitUri) {
        if (explicitUri != null && !explicitUri.isBlank()) {
            return parse(explicitUri.strip(), FLAG);
        }
        String fromEnvironment = environment.get(TRACKING_URI);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return parse(fromEnvironment.strip(), TRACKING_URI);
        }
        return TrackingTarget.sqlite(SqliteLocation.parse(DEFAULT_URI, workingDir), TrackingTarget.DEFAULT_ORIGIN);
    }

    /** Resolves and opens the tracker; a server is checked to answer before this returns. */
    public Tracker open(String explicitUri) {
        return open(resolve(explicitUri), SqliteStore::new);
    }

    /**
     * Checks, without creating or changing anything, that runs could be written to the target: a local store's path
     * and what it holds ({@link SqliteStoreStatus}, {@link MlrunsStore#problem}). A server is checked when opened.
     *
     * @throws UnusableStoreException naming the store and what to do
     */
    public TrackingTarget requireUsable(String explicitUri) {
        TrackingTarget target = resolve(explicitUri);
        if (target.isSqlite()) {
            SqliteStoreStatus status = SqliteStoreStatus.inspect(target.sqlite());
            if (!status.usable()) {
                throw new UnusableStoreException(status.schema());
            }
        } else if (!target.isServer()) {
            MlrunsStore.problem(target.storeRoot()).ifPresent(problem -> {
                throw new UnusableStoreException(problem);
            });
        }
        return target;
    }

    /**
     * Checks, without creating anything, that the target holds a store to read: a local store must exist (a SQLite
     * database with MLflow's schema, an mlruns folder); a server is checked when opened.
     *
     * @throws UnusableStoreException naming the store and what to do
     */
    public TrackingTarget requireExisting(String explicitUri) {
        TrackingTarget target = requireUsable(explicitUri);
        if (target.isSqlite() && SqliteStoreStatus.inspect(target.sqlite()).state() != SqliteStoreState.READY) {
            throw new UnusableStoreException("no MLflow database at " + target.sqlite().database() + ": nothing was "
                    + "tracked there; check " + FLAG + " or " + TRACKING_URI + " (the default is " + DEFAULT_URI + ")");
        }
        if (!target.isSqlite() && !target.isServer() && !Files.isDirectory(target.storeRoot())) {
            throw new UnusableStoreException("no MLflow file store at " + target.storeRoot() + ": nothing was tracked "
                    + "there; check " + FLAG + " or " + TRACKING_URI + " (the default is " + DEFAULT_URI + ")");
        }
        return target;
    }

    /** Opens an existing store to read its runs ({@link #requireExisting}); nothing is created. */
    public Tracker openForReading(String explicitUri) {
        return open(requireExisting(explicitUri), SqliteStore::openForReading);
    }

    /**
     * How a SQLite store is opened: created when missing ({@code new SqliteStore}) or only read
     * ({@link SqliteStore#openForReading}).
     */
    @FunctionalInterface
    private interface SqliteOpening {
        SqliteStore open(SqliteLocation location, Clock clock, RunSource source, MetricBuffering buffering);
    }

    private Tracker open(TrackingTarget target, SqliteOpening sqlite) {
        RunSource source = RunSource.detect(workingDir, environment);
        if (target.isServer()) {
            return new MlflowServerTracker(target.serverUri(), environment, clock, source, serverSettings);
        }
        if (target.isSqlite()) {
            return sqlite.open(target.sqlite(), clock, source, localBuffering);
        }
        return new MlrunsStore(target.storeRoot(), clock, source, localBuffering);
    }

    /**
     * Which of {@code runIds} a local store does not hold (all of them when the store does not exist yet), read
     * without creating anything; a server's runs are not looked up here, so for a server this is empty.
     */
    public Set<String> runsNotHeld(String explicitUri, Collection<String> runIds) {
        TrackingTarget target = resolve(explicitUri);
        Set<String> missing = new LinkedHashSet<>();
        for (String runId : runIds) {
            boolean held = target.isServer()
                    || (target.isSqlite() ? SqliteStore.holdsRun(target.sqlite(), runId)
                    : MlrunsStore.holdsRun(target.storeRoot(), runId));
            if (!held) {
                missing.add(runId);
            }
        }
        return missing;
    }

    private TrackingTarget parse(String value, String origin) {
        if (value.equals("databricks")) {
            throw unsupported(value, origin, "'databricks' is Databricks' tracking, not a folder");
        }
        var scheme = SCHEME.matcher(value);
        if (!scheme.matches() || scheme.group(1).length() == 1) {
            return TrackingTarget.fileStore(path(value, origin), origin);
        }
        String name = scheme.group(1).toLowerCase();
        if (SqliteLocation.isSqliteUri(value)) {
            try {
                return TrackingTarget.sqlite(SqliteLocation.parse(value, workingDir), origin);
            } catch (IllegalArgumentException e) {
                throw unsupported(value, origin, e.getMessage());
            }
        }
        try {
            URI uri = new URI(value);
            if (name.equals("file")) {
                if (uri.getAuthority() != null && !uri.getAuthority().isEmpty()
                        && !uri.getAuthority().equals("localhost")) {
                    throw unsupported(value, origin, "a file: URI must not name a remote host");
                }
                return TrackingTarget.fileStore(Path.of(uri.getPath()), origin);
            }
            if ((name.equals("http") || name.equals("https")) && uri.getHost() != null) {
                return TrackingTarget.server(uri, origin);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw unsupported(value, origin, "it is not a valid URI");
        }
        throw unsupported(value, origin, "scheme '" + name + ":' is not supported");
    }

    private Path path(String value, String origin) {
        try {
            return workingDir.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw unsupported(value, origin, "it is not a valid path");
        }
    }

    private static UnusableStoreException unsupported(String value, String origin, String reason) {
        return new UnusableStoreException("tracking URI '" + UriRedaction.withoutUserInfo(value) + "' (from " + origin
                + ") cannot be used: " + reason + "; allowed: a folder path or file: URI (embedded mlruns store), "
                + "sqlite:///relative.db or sqlite:////absolute.db (MLflow's SQLite store) "
                + "or an http:// or https:// tracking server URL");
    }
}
