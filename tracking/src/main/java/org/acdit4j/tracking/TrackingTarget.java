package org.acdit4j.tracking;

import java.net.URI;
import java.nio.file.Path;

import org.acdit4j.tracking.sql.SqliteLocation;

/**
 * Where tracking goes, as chosen by {@link TrackerSelection}: exactly one of a file store folder, an MLflow
 * SQLite database or a tracking server.
 *
 * @param storeRoot root folder of the embedded file store, or {@code null}
 * @param sqlite    the SQLite database and its artifact folder, or {@code null}
 * @param serverUri server URL (possibly with user-info), or {@code null}
 * @param origin    where the value came from: "--tracking-uri", "MLFLOW_TRACKING_URI" or "default"
 */
public record TrackingTarget(Path storeRoot, SqliteLocation sqlite, URI serverUri, String origin) {

    /** The origin of a target that nothing named. */
    public static final String DEFAULT_ORIGIN = "default";

    /** The embedded file store ("mlruns") in {@code root}. */
    public static TrackingTarget fileStore(Path root, String origin) {
        return new TrackingTarget(root, null, null, origin);
    }

    /** MLflow's SQLite store at {@code location}. */
    public static TrackingTarget sqlite(SqliteLocation location, String origin) {
        return new TrackingTarget(null, location, null, origin);
    }

    /** An MLflow tracking server. */
    public static TrackingTarget server(URI uri, String origin) {
        return new TrackingTarget(null, null, uri, origin);
    }

    /** True when no flag or environment variable named the store. */
    public boolean isDefault() {
        return DEFAULT_ORIGIN.equals(origin);
    }

    public boolean isServer() {
        return serverUri != null;
    }

    public boolean isSqlite() {
        return sqlite != null;
    }

    /** The target for printing: the folder, the database URI, or the server URL without user-info. */
    public String display() {
        if (isServer()) {
            return UriRedaction.withoutUserInfo(serverUri.toString());
        }
        return isSqlite() ? sqlite.uri() : storeRoot.toString();
    }
}
