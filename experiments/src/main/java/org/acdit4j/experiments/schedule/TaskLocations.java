package org.acdit4j.experiments.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acdit4j.experiments.cli.GlobalOptions;
import org.acdit4j.experiments.cli.UsageException;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.tracking.TrackingTarget;
import org.acdit4j.tracking.sql.SqliteLocation;

/**
 * Where the tasks of a scheduler script work, fixed when the script is written so that a task started in any folder
 * on any node finds the same places: the folder the script was written from (the tasks' working folder), the runs,
 * results and data folders, and the tracking store, all absolute. What each task passes to {@code acdit}.
 */
record TaskLocations(Path workingDir, Path runsDir, Path resultsDir, Path dataDir, String trackingUri) {

    /** The locations of {@code options} as this process resolves them (flags, then the environment, then defaults). */
    static TaskLocations resolve(GlobalOptions options, TrackingTarget tracking, Map<String, String> environment) {
        TaskLocations locations = new TaskLocations(Path.of("").toAbsolutePath(), options.runsDir(),
                options.resultsDir(), DataDirectory.resolve(options.dataDir(), environment).root(), absolute(tracking));
        for (Path folder : List.of(locations.workingDir, locations.runsDir, locations.resultsDir, locations.dataDir)) {
            if (!folder.toString().matches("[^\\s'\"\\\\]+")) {
                throw new UsageException("the folder " + folder + " has a space, quote or backslash, which #SBATCH lines "
                        + "cannot hold; allowed: folders without them (pass --runs-dir, --results-dir, --data-dir)");
            }
        }
        return locations;
    }

    /** The global options every task passes. */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--runs-dir", runsDir.toString(), "--results-dir",
                resultsDir.toString(), "--data-dir", dataDir.toString()));
        arguments.addAll(List.of("--tracking-uri", trackingUri));
        return arguments;
    }

    private static String absolute(TrackingTarget tracking) {
        if (tracking.isServer()) {
            return tracking.serverUri().toString();
        }
        if (tracking.isSqlite()) {
            return new SqliteLocation(tracking.sqlite().database().toAbsolutePath()).uri();
        }
        return tracking.storeRoot().toAbsolutePath().toString();
    }
}
