package org.acdit4j.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {

    @TempDir
    Path root;

    private final RunRecord running = RunRecord.builder().experiment("exp").run("blockSize4-seed1").index(3).seed(1)
            .preset("quick").assignments(Map.of("model.blockSize", "4")).status(RunStatus.RUNNING).started("t0")
            .heartbeat("t1").step(20).steps(100).lastLoss(0.25).trackerRunId("child").parentRunId("parent")
            .provenance(Map.of("host", "box")).metrics(Map.of("fid", 12.5)).build();

    @Test
    void aBuilderOfARecordBuildsAnEqualRecord() {
        assertThat(running.toBuilder().build()).isEqualTo(running);
    }

    @Test
    void runJsonKeepsItsFieldsInTheirOrderAndReadsBackEqual() throws Exception {
        RunFolder folder = RunFolder.of(root, "exp", running.run());
        folder.createDirectories();
        folder.write(running);

        String json = Files.readString(folder.root().resolve("run.json"));
        List<String> fields = List.of("experiment", "run", "index", "seed", "preset", "assignments", "status",
                "started", "heartbeat", "step", "steps", "lastLoss", "trackerRunId", "parentRunId", "provenance",
                "metrics");
        for (int i = 1; i < fields.size(); i++) {
            assertThat(json.indexOf("\"" + fields.get(i) + "\"")).as(fields.get(i))
                    .isGreaterThan(json.indexOf("\"" + fields.get(i - 1) + "\""));
        }
        assertThat(json).doesNotContain("\"ended\"").doesNotContain("\"failure\"");
        assertThat(folder.record()).contains(running);
    }

    @Test
    void endingARunStampsItsEndAndResumingItClearsTheEndAndTheFailure() {
        RunRecord killed = running.withFailure("stopped").withStatus(RunStatus.KILLED, "t2");
        assertThat(killed.ended()).isEqualTo("t2");
        assertThat(killed.heartbeat()).isEqualTo("t2");

        RunRecord resumed = killed.started("t3", Map.of("host", "other"));
        assertThat(resumed.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(resumed.started()).isEqualTo("t0");
        assertThat(resumed.ended()).isNull();
        assertThat(resumed.failure()).isNull();
        assertThat(resumed.provenance()).isEqualTo(Map.of("host", "other"));
    }
}
