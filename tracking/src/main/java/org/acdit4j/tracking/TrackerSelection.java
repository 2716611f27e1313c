package org.acdit4j.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.file.MlrunsStore;
import org.acdit4j.tracking.server.MlflowServerTracker;
import org.acdit4j.tracking.server.ServerSettings;
import org.acdit4j.tracking.sql.SqliteLocation;
import org.acdit4j.tracking.sql.SqliteStore;

/**
 * Chooses and opens the tracker from a tracking URI: the explicit value (the CLI's {@code --tracking-uri})
 * first, then the environment's {@code MLFLOW_TRACKING_URI}, then {@code ./mlruns}. A path or {@code file:} URI
 * opens the embedded {@link MlrunsStore}; a {@code sqlite:} URI opens MLflow's SQL store in that database file
 * ({@link SqliteStore}; SQLAlchemy's form: {@code sqlite:///relative.db}, {@code sqlite:////absolute.db}); an
 * {@code http://} or {@code https://} URL connects an {@link MlflowServerTracker}; anything else is a one-line
 * error naming the value and what is allowed.
 */
public final class TrackerSelection {

    public static final String TRACKING_URI = "MLFLOW_TRACKING_URI";
    public static final String FLAG = "--tracking-uri";

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

    /** A selection over the real environment and working folder with default settings. */
    public static TrackerSelection fromSystem() {
        return new TrackerSelection(System.getenv(), Path.of(""), Clock.systemUTC(), MetricBuffering.defaults(),
                ServerSettings.defaults());
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
        return TrackingTarget.fileStore(workingDir.resolve(MlrunsStore.DEFAULT_ROOT), "default");
    }

    /** Resolves and opens the tracker; a server is checked to answer before this returns. */
    public Tracker open(String explicitUri) {
        TrackingTarget target = resolve(explicitUri);
        RunSource source = RunSource.detect(workingDir, environment);
        if (target.isServer()) {
            return new MlflowServerTracker(target.serverUri(), environment, clock, source, serverSettings);
        }
        if (target.isSqlite()) {
            return new SqliteStore(target.sqlite(), clock, source, localBuffering);
        }
        return new MlrunsStore(target.storeRoot(), clock, source, localBuffering);
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

    private static TrackingException unsupported(String value, String origin, String reason) {
        return new TrackingException("tracking URI '" + UriRedaction.withoutUserInfo(value) + "' (from " + origin
                + ") cannot be used: " + reason + "; allowed: a folder path or file: URI (embedded mlruns store), "
                + "sqlite:///relative.db or sqlite:////absolute.db (MLflow's SQLite store) "
                + "or an http:// or https:// tracking server URL");
    }
}
