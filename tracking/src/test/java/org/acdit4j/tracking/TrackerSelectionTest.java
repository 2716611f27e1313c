package org.acdit4j.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.file.MlrunsStore;
import org.acdit4j.tracking.server.ServerSettings;
import org.acdit4j.tracking.sql.SqliteLocation;
import org.acdit4j.tracking.sql.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrackerSelectionTest {

    /** How a bad tracking URI's message ends. */
    private static final String ALLOWED_URIS = "allowed: a folder path or file: URI (embedded mlruns store), "
            + "sqlite:///relative.db or sqlite:////absolute.db (MLflow's SQLite store) or an http:// or https:// "
            + "tracking server URL";

    @TempDir
    Path temp;

    private TrackerSelection selection(Map<String, String> environment) {
        return new TrackerSelection(environment, temp, Clock.systemUTC(), MetricBuffering.defaults(),
                ServerSettings.defaults());
    }

    @Test
    void explicitValueWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of(TrackerSelection.TRACKING_URI, "http://tracking:5000");
        assertThat(selection(env).resolve("runs/store")).isEqualTo(
                TrackingTarget.fileStore(temp.resolve("runs/store"), "--tracking-uri"));
        assertThat(selection(env).resolve(null)).isEqualTo(
                TrackingTarget.server(URI.create("http://tracking:5000"), "MLFLOW_TRACKING_URI"));
        assertThat(selection(Map.of()).resolve(" ")).isEqualTo(
                TrackingTarget.sqlite(new SqliteLocation(temp.resolve("mlflow.db")), "default"));
    }

    @Test
    void fileUrisAndPathsOpenTheEmbeddedStore() {
        assertThat(selection(Map.of()).resolve("file:///data/mlruns").storeRoot()).isEqualTo(Path.of("/data/mlruns"));
        assertThat(selection(Map.of()).resolve("/abs/store").storeRoot()).isEqualTo(Path.of("/abs/store"));
        try (Tracker tracker = selection(Map.of()).open(temp.resolve("s").toUri().toString())) {
            assertThat(tracker).isInstanceOf(MlrunsStore.class);
            assertThat(tracker.experiments()).extracting(e -> e.name()).containsExactly("Default");
        }
    }

    @Test
    void sqliteUrisFollowSqlalchemyAndOpenMlflowsSqlStore() {
        assertThat(selection(Map.of()).resolve("sqlite:///runs/mlflow.db").sqlite())
                .isEqualTo(new SqliteLocation(temp.resolve("runs/mlflow.db")));
        assertThat(selection(Map.of(TrackerSelection.TRACKING_URI, "sqlite:////data/mlflow.db")).resolve(null))
                .isEqualTo(TrackingTarget.sqlite(new SqliteLocation(Path.of("/data/mlflow.db")), "MLFLOW_TRACKING_URI"));
        assertThat(selection(Map.of()).resolve("sqlite:////data/mlflow.db").display())
                .isEqualTo("sqlite:////data/mlflow.db");
        try (Tracker tracker = selection(Map.of()).open("sqlite:///mlflow.db")) {
            assertThat(tracker).isInstanceOf(SqliteStore.class);
            assertThat(tracker.experiments()).extracting(e -> e.name()).containsExactly("Default");
        }
        assertThat(temp.resolve("mlflow.db")).isRegularFile();
        assertThat(temp.resolve("mlartifacts")).isDirectory();
    }

    @Test
    void sqliteUrisWithoutAFileAreOneLineErrorsListingTheAllowedForms() {
        assertThatThrownBy(() -> selection(Map.of()).resolve("sqlite://"))
                .isInstanceOf(TrackingException.class)
                .hasMessage("tracking URI 'sqlite://' (from --tracking-uri) cannot be used: a sqlite: URI names a "
                        + "local file and has three slashes before a relative path or four before an absolute one; "
                        + ALLOWED_URIS);
    }

    @Test
    void unsupportedSchemesAreOneLineErrorsWithoutCredentials() {
        assertThatThrownBy(() -> selection(Map.of(TrackerSelection.TRACKING_URI,
                "postgresql://bob:secret@db/mlflow")).resolve(null))
                .isInstanceOf(TrackingException.class)
                .hasMessage("tracking URI 'postgresql://db/mlflow' (from MLFLOW_TRACKING_URI) cannot be used: "
                        + "scheme 'postgresql:' is not supported; " + ALLOWED_URIS);
    }

    static Stream<Arguments> unusableUris() {
        return Stream.of(Arguments.of("sqlite:///:memory:", "an in-memory database keeps nothing; name a database file"),
                Arguments.of("sqlite:///mlflow.db?mode=ro", "query parameters are not supported"),
                Arguments.of("databricks", "'databricks' is Databricks' tracking, not a folder"),
                Arguments.of("file://remote-host/x", "must not name a remote host"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableUris")
    void aUriThatNamesNoUsableStoreIsRefusedWithTheReason(String uri, String reason) {
        assertThatThrownBy(() -> selection(Map.of()).resolve(uri)).hasMessageContaining(reason);
    }

    @Test
    void displayOfAServerTargetHasNoUserInfo() {
        TrackingTarget target = selection(Map.of()).resolve("https://bob:pw@mlflow.example.org/base");
        assertThat(target.display()).isEqualTo("https://mlflow.example.org/base");
    }
}
