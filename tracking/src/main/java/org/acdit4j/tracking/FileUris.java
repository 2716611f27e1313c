package org.acdit4j.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** MLflow's form of local artifact locations: {@code file:///absolute/path}, percent-encoded, no trailing slash. */
public final class FileUris {

    private FileUris() {
    }

    /** The {@code file:} URI of a local folder or file. */
    public static String of(Path path) {
        try {
            return new URI("file", "", path.toAbsolutePath().normalize().toString(), null, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new TrackingException("cannot express " + path + " as a file URI: " + e.getMessage(), e);
        }
    }

    /**
     * The local path of a {@code file:} URI read from a store; {@code where} names the record it came from.
     * Any other scheme is a one-line error: only local artifact folders can be written to.
     */
    public static Path toPath(String fileUri, String where) {
        try {
            URI uri = new URI(fileUri);
            if (!"file".equals(uri.getScheme())) {
                throw new TrackingException(where + " points artifacts to '" + fileUri
                        + "'; only file: URIs are supported by the embedded stores");
            }
            return Path.of(new URI("file", null, uri.getPath(), null));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new TrackingException(where + " has an invalid artifact URI '" + fileUri + "'", e);
        }
    }
}
