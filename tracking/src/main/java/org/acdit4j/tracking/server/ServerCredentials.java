package org.acdit4j.tracking.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.acdit4j.tracking.TrackingException;
import org.acdit4j.tracking.UriRedaction;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * The server address and credentials, from the tracking URI and MLflow's environment variables
 * {@code MLFLOW_TRACKING_USERNAME} + {@code MLFLOW_TRACKING_PASSWORD} (basic auth, preferred),
 * {@code MLFLOW_TRACKING_TOKEN} (bearer) and {@code MLFLOW_TRACKING_INSECURE_TLS=true}. A user-info part in the
 * URI ({@code https://user:password@host}) is used as basic credentials when the variables are not set, and is
 * never kept in the host. {@link #toString()} never shows a secret.
 */
public final class ServerCredentials {

    public static final String USERNAME = "MLFLOW_TRACKING_USERNAME";
    public static final String PASSWORD = "MLFLOW_TRACKING_PASSWORD";
    public static final String TOKEN = "MLFLOW_TRACKING_TOKEN";
    public static final String INSECURE_TLS = "MLFLOW_TRACKING_INSECURE_TLS";

    private final String host;
    private final String username;
    private final String password;
    private final String token;
    private final boolean insecureTls;

    private ServerCredentials(String host, String username, String password, String token, boolean insecureTls) {
        this.host = host;
        this.username = username;
        this.password = password;
        this.token = token;
        this.insecureTls = insecureTls;
    }

    /** Reads the credentials for {@code trackingUri} (http or https) from {@code environment}. */
    public static ServerCredentials from(URI trackingUri, Map<String, String> environment) {
        String scheme = trackingUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || trackingUri.getHost() == null) {
            throw new TrackingException("tracking server URI '" + UriRedaction.withoutUserInfo(trackingUri.toString())
                    + "' is not an http:// or https:// URL with a host");
        }
        String username = blankToNull(environment.get(USERNAME));
        String password = blankToNull(environment.get(PASSWORD));
        String userInfo = trackingUri.getRawUserInfo();
        if (username == null && password == null && userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String insecure = environment.getOrDefault(INSECURE_TLS, "false").trim().toLowerCase();
        if (!List.of("true", "false", "1", "0", "").contains(insecure)) {
            throw new TrackingException(INSECURE_TLS + " is '" + insecure + "'; allowed: true or false");
        }
        return new ServerCredentials(hostOf(trackingUri), username, password, blankToNull(environment.get(TOKEN)),
                insecure.equals("true") || insecure.equals("1"));
    }

    /** Scheme, host, port and path of the server, without user-info and trailing slash. */
    public String host() {
        return host;
    }

    public boolean insecureTls() {
        return insecureTls;
    }

    /** The client's credentials object: basic auth when a username and password are set, else the token. */
    BasicMlflowHostCreds hostCreds() {
        return new BasicMlflowHostCreds(host, username, password, token, insecureTls);
    }

    /** The {@code Authorization} header value the MLflow client sends too, when there are credentials. */
    Optional<String> authorization() {
        if (username != null && password != null) {
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.ofNullable(token).map(t -> "Bearer " + t);
    }

    /** Every secret value, for scrubbing messages. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (password != null) {
            secrets.add(password);
        }
        if (token != null) {
            secrets.add(token);
        }
        authorization().ifPresent(header -> secrets.add(header.substring(header.indexOf(' ') + 1)));
        return secrets;
    }

    /** Removes every secret from {@code text}. */
    String scrub(String text) {
        String scrubbed = UriRedaction.withoutUserInfo(text == null ? "" : text);
        for (String secret : secrets()) {
            scrubbed = scrubbed.replace(secret, "***");
        }
        return scrubbed;
    }

    /** How the server is authenticated, without any secret. */
    String authKind() {
        if (username != null && password != null) {
            return "basic auth";
        }
        return token != null ? "bearer token" : "no auth";
    }

    @Override
    public String toString() {
        return host + " (" + authKind() + (insecureTls ? ", TLS not verified" : "") + ")";
    }

    private static String hostOf(URI uri) {
        try {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null) + path;
        } catch (URISyntaxException e) {
            throw new TrackingException("tracking server URI has an invalid host: " + e.getReason(), e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
