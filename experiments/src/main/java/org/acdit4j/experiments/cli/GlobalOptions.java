package org.acdit4j.experiments.cli;

import com.google.inject.Singleton;
import picocli.CommandLine.Option;

/** Options every command accepts; filled in by picocli before a command runs. */
@Singleton
public final class GlobalOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Data cache (default: $ACDIT_DATA_DIR, else $XDG_CACHE_HOME/acdit4j, else ~/.cache/acdit4j).")
    String dataDir;

    @Option(names = "--tracking-uri", paramLabel = "URI", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Where runs are tracked: a path or file: URI (embedded MLflow store), sqlite:///relative.db or"
                    + " sqlite:////absolute.db (MLflow's SQLite store) or http(s):// (MLflow server)."
                    + " Default: $MLFLOW_TRACKING_URI, else sqlite:///mlflow.db (artifacts in ./mlartifacts).")
    String trackingUri;

    @Option(names = "--runs-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Where run folders go (default: ./runs).")
    String runsDir = "runs";

    @Option(names = "--results-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Where reports go (default: ./results).")
    String resultsDir = "results";

    public java.nio.file.Path runsDir() {
        return java.nio.file.Path.of(runsDir).toAbsolutePath();
    }

    public java.nio.file.Path resultsDir() {
        return java.nio.file.Path.of(resultsDir).toAbsolutePath();
    }

    /** The global options as arguments, to pass on to a child process. */
    public java.util.List<String> asArguments() {
        java.util.List<String> arguments = new java.util.ArrayList<>();
        if (dataDir != null) {
            arguments.addAll(java.util.List.of("--data-dir", dataDir));
        }
        if (trackingUri != null) {
            arguments.addAll(java.util.List.of("--tracking-uri", trackingUri));
        }
        arguments.addAll(java.util.List.of("--runs-dir", runsDir().toString(), "--results-dir", resultsDir().toString()));
        return arguments;
    }

    public String dataDir() {
        return dataDir;
    }

    public String trackingUri() {
        return trackingUri;
    }
}
