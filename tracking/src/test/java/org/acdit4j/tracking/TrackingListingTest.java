package org.acdit4j.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.acdit4j.framework.tracking.RunStart;
import org.acdit4j.framework.tracking.RunStatus;
import org.acdit4j.framework.tracking.TrackedRun;
import org.acdit4j.tracking.file.MlrunsStore;
import org.acdit4j.tracking.support.MutableClock;
import org.acdit4j.tracking.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingListingTest {

    @TempDir
    Path temp;

    @Test
    void listsExperimentsAndRunsAsATreeWithStatusAndLatestMetrics() {
        try (MlrunsStore store = new MlrunsStore(temp.resolve("mlruns"), new MutableClock(Instant.EPOCH),
                TestFiles.SOURCE, MetricBuffering.UNBUFFERED)) {
            TrackedRun parent = store.startRun(RunStart.of("tradeoff", "sweep"));
            TrackedRun child = store.startRun(new RunStart("tradeoff", "block4-seed0", parent.runId(), Map.of(), null));
            child.logMetric("fid", 30.0, 0);
            child.logMetric("fid", 12.5, 1);
            child.logMetric("train/loss", 0.0412, 1);
            child.end(RunStatus.FAILED);

            String listing = TrackingListing.render(store);

            String experimentId = parent.experimentId();
            assertThat(listing).isEqualTo("MLflow file store " + store.root() + "\n"
                    + "\n"
                    + "experiment Default (id 0), 0 runs\n"
                    + "\n"
                    + "experiment tradeoff (id " + experimentId + "), 2 runs\n"
                    + String.format("%-18s  %-8s  %s%n", "  sweep", "RUNNING", parent.runId().substring(0, 8))
                    + String.format("%-18s  %-8s  %s  fid=12.5  train/loss=0.0412%n", "    block4-seed0", "FAILED",
                    child.runId().substring(0, 8)));
        }
    }
}
