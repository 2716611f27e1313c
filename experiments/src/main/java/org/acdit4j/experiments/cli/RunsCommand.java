package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.concurrent.Callable;
import org.acdit4j.framework.tracking.Tracker;
import org.acdit4j.tracking.TrackerSelection;
import org.acdit4j.tracking.TrackingListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code acdit runs}: experiments, runs and their latest metrics from the tracking store or server. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List tracked experiments, runs (parents and children) and their latest metrics.")
public final class RunsCommand implements Callable<Integer> {

    private final Provider<TrackerSelection> trackers;
    private final GlobalOptions options;

    @Spec
    CommandSpec spec;

    @Inject
    RunsCommand(Provider<TrackerSelection> trackers, GlobalOptions options) {
        this.trackers = trackers;
        this.options = options;
    }

    @Override
    public Integer call() {
        try (Tracker tracker = trackers.get().open(options.trackingUri())) {
            spec.commandLine().getOut().print(TrackingListing.render(tracker));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
