package org.acdit4j.tracking;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where tracking goes, as chosen by {@link TrackerSelection}: a file store folder or a tracking server.
 *
 * @param storeRoot root folder of the embedded store, or {@code null} for a server
 * @param serverUri server URL (possibly with user-info), or {@code null} for the embedded store
 * @param origin    where the value came from: "--tracking-uri", "MLFLOW_TRACKING_URI" or "default"
 */
public record TrackingTarget(Path storeRoot, URI serverUri, String origin) {

    public boolean isServer() {
        return serverUri != null;
    }

    /** The target for printing: the folder, or the server URL without user-info. */
    public String display() {
        return isServer() ? UriRedaction.withoutUserInfo(serverUri.toString()) : storeRoot.toString();
    }
}
