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
            description = "Where runs are tracked: a path or file: URI (embedded MLflow store) or http(s):// (MLflow server)."
                    + " Default: $MLFLOW_TRACKING_URI, else ./mlruns.")
    String trackingUri;

    public String dataDir() {
        return dataDir;
    }

    public String trackingUri() {
        return trackingUri;
    }
}
