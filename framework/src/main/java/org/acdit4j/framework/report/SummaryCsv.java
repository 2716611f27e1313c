package org.acdit4j.framework.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.io.Csv;
import org.acdit4j.framework.run.RunRecord;

/** One CSV row per run: identity, status, the configuration's label, swept values, metrics. */
final class SummaryCsv {

    private SummaryCsv() {
    }

    static String render(List<RunRecord> runs, Map<String, String> labelByRun, List<String> sweptKeys, List<String> metrics) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("run", "index", "seed", "status", "label"));
        header.addAll(sweptKeys);
        header.addAll(metrics);
        csv.append(Csv.line(header));
        for (RunRecord run : runs) {
            List<String> row = new ArrayList<>(List.of(run.run(), String.valueOf(run.index()), String.valueOf(run.seed()),
                    run.status().name(), labelByRun.get(run.run())));
            for (String key : sweptKeys) {
                row.add(run.assignments().getOrDefault(key, ""));
            }
            for (String metric : metrics) {
                Double value = run.metrics() == null ? null : run.metrics().get(metric);
                row.add(value == null ? "" : String.valueOf(value));
            }
            csv.append(Csv.line(row));
        }
        return csv.toString();
    }
}
