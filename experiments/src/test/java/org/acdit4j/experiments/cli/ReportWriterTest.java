package org.acdit4j.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the definition's own configuration writes the report folder that results/ commits. */
class ReportWriterTest {

    private static final Path RESULTS = Path.of("results", "block-size-tradeoff");

    @Test
    void theBodyAndTheStandardPresetWriteTheCommittedFolder() {
        assertThat(ReportWriter.outputFolder(RESULTS, null, List.of())).isEqualTo(RESULTS);
        assertThat(ReportWriter.outputFolder(RESULTS, "standard", List.of())).isEqualTo(RESULTS);
    }

    @Test
    void otherPresetsAndOverridesWriteTheirOwnSubfolder() {
        assertThat(ReportWriter.outputFolder(RESULTS, "quick", List.of())).isEqualTo(RESULTS.resolve("quick"));
        assertThat(ReportWriter.outputFolder(RESULTS, "standard", List.of("model.depth=6")))
                .isEqualTo(RESULTS.resolve("custom"));
        assertThat(ReportWriter.outputFolder(RESULTS, null, List.of("train.steps=10"))).isEqualTo(RESULTS.resolve("custom"));
    }
}
