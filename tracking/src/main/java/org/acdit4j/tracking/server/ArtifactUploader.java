package org.acdit4j.tracking.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Uploads artifacts through the tracking server's artifact proxy ({@code mlflow server --serve-artifacts}, the
 * default since MLflow 2.0): {@code PUT <server>/api/2.0/mlflow-artifacts/artifacts/<path of the run's
 * mlflow-artifacts: URI>/<artifact path>} with the file as body and the same {@code Authorization} header as
 * the tracking calls. The MLflow Java client's own {@code logArtifact} forks a Python process and is not used.
 */
final class ArtifactUploader {

    static final String ARTIFACTS_SCHEME = "mlflow-artifacts:";
    private static final String API = "/api/2.0/mlflow-artifacts/artifacts/";

    private final ServerCredentials credentials;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    ArtifactUploader(ServerCredentials credentials, Duration connectTimeout, Duration readTimeout) {
        this.credentials = credentials;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** True when artifacts of a run with this artifact URI can be uploaded through the server. */
    static boolean proxied(String artifactUri) {
        return artifactUri != null && artifactUri.startsWith(ARTIFACTS_SCHEME);
    }

    /** The upload URL of {@code relativePath} under a run's {@code mlflow-artifacts:} URI. */
    URI uploadUri(String artifactUri, String relativePath) {
        String runFolder = URI.create(artifactUri).getPath().replaceAll("^/+|/+$", "");
        try {
            URI base = URI.create(credentials.host());
            String path = (base.getPath() == null ? "" : base.getPath()) + API + runFolder + "/" + relativePath;
            return new URI(base.getScheme(), null, base.getHost(), base.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new ServerCallException("cannot build the upload URL of artifact '" + relativePath + "': "
                    + e.getReason(), false, 0, null);
        }
    }

    void upload(String artifactUri, String relativePath, Path file) {
        URI target = uploadUri(artifactUri, relativePath);
        String what = "upload of artifact '" + relativePath + "'";
        HttpURLConnection connection = null;
        try {
            URL url = target.toURL();
            connection = (HttpURLConnection) url.openConnection();
            if (connection instanceof HttpsURLConnection https && credentials.insecureTls()) {
                https.setSSLSocketFactory(trustingEverything().getSocketFactory());
                https.setHostnameVerifier((host, session) -> true);
            }
            connection.setRequestMethod("PUT");
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(Files.size(file));
            connection.setRequestProperty("Content-Type", "application/octet-stream");
            HttpURLConnection open = connection;
            credentials.authorization().ifPresent(header -> open.setRequestProperty("Authorization", header));
            try (OutputStream body = connection.getOutputStream()) {
                Files.copy(file, body);
            }
            int status = connection.getResponseCode();
            if (status < 200 || status > 299) {
                String answer = errorBody(connection);
                throw new ServerCallException(credentials.scrub(what + ": HTTP " + status + " " + answer),
                        status == 429 || status >= 500, status, null);
            }
            drain(connection);
        } catch (IOException e) {
            throw new ServerCallException(credentials.scrub(what + ": " + e), true, 0, null);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static String errorBody(HttpURLConnection connection) throws IOException {
        try (InputStream error = connection.getErrorStream()) {
            if (error == null) {
                return "";
            }
            String text = new String(error.readNBytes(300), java.nio.charset.StandardCharsets.UTF_8);
            return text.replaceAll("\\s+", " ").strip();
        }
    }

    private static void drain(HttpURLConnection connection) throws IOException {
        try (InputStream in = connection.getInputStream()) {
            in.readNBytes(64 * 1024);
        }
    }

    private static SSLContext trustingEverything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // TLS verification is off on request (MLFLOW_TRACKING_INSECURE_TLS)
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // TLS verification is off on request (MLFLOW_TRACKING_INSECURE_TLS)
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new ServerCallException("cannot disable TLS verification: " + e.getMessage(), false, 0, null);
        }
    }
}
