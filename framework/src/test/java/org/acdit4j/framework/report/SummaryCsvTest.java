package org.acdit4j.framework.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.acdit4j.framework.io.Csv;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.tracking.RunStatus;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCsvTest {

    /** The committed reports, beside the modules. */
    private static final Path RESULTS = Path.of("..", "results");

    @TempDir
    Path root;

    private static RunRecord run(String name, String blockSize, double fid) {
        return RunRecord.builder().experiment("e").run(name).index(0).seed(1).status(RunStatus.FINISHED)
                .assignments(Map.of("model.blockSize", blockSize)).metrics(Map.of("fid/cfg1.5", fid)).build();
    }

    @Test
    void labelsWithCommasQuotesAndLineBreaksReadBackAsWritten() throws IOException {
        String comma = "DiT (AR length 1), patch 4";
        String quote = "the \"paper\" setting";
        String lineBreak = "two\nlines";
        String csv = SummaryCsv.render(List.of(run("a", "16", 91.5), run("b", "4", 80.25), run("c", "1", 70.0)),
                Map.of("a", comma, "b", quote, "c", lineBreak), List.of("model.blockSize"), List.of("fid/cfg1.5"));
        Path file = Files.writeString(root.resolve("summary.csv"), csv);

        List<CSVRecord> records = Csv.read(file);
        assertThat(records).hasSize(4);
        assertThat(records.get(0).toList()).containsExactly("run", "index", "seed", "status", "label",
                "model.blockSize", "fid/cfg1.5");
        assertThat(records.get(1).toList()).containsExactly("a", "0", "1", "FINISHED", comma, "16", "91.5");
        assertThat(records.get(2).get(4)).isEqualTo(quote);
        assertThat(records.get(3).get(4)).isEqualTo(lineBreak);
        assertThat(csv).contains(",\"DiT (AR length 1), patch 4\",", ",\"the \"\"paper\"\" setting\",",
                ",\"two\nlines\",");
    }

    @Test
    void aMetricThatARunLacksIsAnEmptyValue() {
        String csv = SummaryCsv.render(List.of(run("a", "16", 91.5)), Map.of("a", "DiT"), List.of("model.blockSize"),
                List.of("fid/cfg1.5", "fid/cfg1.0"));

        assertThat(csv).isEqualTo("run,index,seed,status,label,model.blockSize,fid/cfg1.5,fid/cfg1.0\n"
                + "a,0,1,FINISHED,DiT,16,91.5,\n");
    }

    @Test
    void theCommittedSummariesReadAndPrintBackToTheSameBytes() throws IOException {
        List<Path> summaries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESULTS)) {
            files.filter(file -> file.getFileName().toString().equals("summary.csv")).forEach(summaries::add);
        }
        assertThat(summaries).isNotEmpty();
        for (Path summary : summaries) {
            StringBuilder printed = new StringBuilder();
            List<CSVRecord> records = Csv.read(summary);
            records.forEach(record -> printed.append(Csv.line(record)));
            assertThat(printed.toString()).as(summary.toString()).isEqualTo(Files.readString(summary));
            int columns = records.get(0).size();
            assertThat(records).as(summary.toString()).allMatch(record -> record.size() == columns);
        }
    }
}
