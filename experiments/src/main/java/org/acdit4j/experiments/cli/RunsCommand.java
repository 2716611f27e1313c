package org.acdit4j.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.acdit4j.framework.dsl.ExperimentDefinition;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.framework.tracking.Tracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code acdit runs}: the tracked runs as a table per experiment and sweep (run, status, step of steps, id, and
 * the experiment's report metrics or the ones chosen), or the same as JSON for scripts.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List tracked runs per experiment and sweep: status, step of steps and the experiment's "
                + "report metrics (or --metrics a,b / --all-metrics); --json for scripts.")
public final class RunsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CommandContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--metrics", paramLabel = "a,b", split = ",",
            description = "Metric columns, in this order (default: the experiment's report metrics).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--all-metrics", description = "One column for every metric the experiment's runs logged.")
    boolean allMetrics;

    @Option(names = "--json", description = "Print the listing as JSON (the same runs and metric columns).")
    boolean json;

    @Inject
    RunsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (allMetrics && !metrics.isEmpty()) {
            throw new UsageException("--metrics and --all-metrics exclude each other");
        }
        MetricColumns columns = allMetrics ? MetricColumns.all()
                : metrics.isEmpty() ? MetricColumns.fromReports(reportMetrics()) : MetricColumns.chosen(metrics);
        RunsListing listing;
        try (Tracker tracker = context.trackers().openForReading(context.options().trackingUri())) {
            listing = RunsListing.read(tracker, columns);
        }
        Set<String> logged = listing.loggedMetrics();
        List<String> unknown = metrics.stream().filter(metric -> !logged.contains(metric)).toList();
        if (!unknown.isEmpty() && !listing.experiments().isEmpty()) {
            throw new UsageException("--metrics: no run logged " + String.join(", ", unknown) + "; logged: "
                    + String.join(", ", logged));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? JSON.writeValueAsString(listing) + "\n" : RunsTable.render(listing));
        out.flush();
        return 0;
    }

    /** The tabulated metrics of each experiment definition (its standard configuration), by tracking experiment name. */
    private Map<String, List<String>> reportMetrics() {
        Map<String, List<String>> byExperiment = new LinkedHashMap<>();
        for (ExperimentDefinition definition : context.catalog().all().values()) {
            ExperimentSpec standard = definition.spec(null, List.of());
            byExperiment.put(standard.track().experimentName(), standard.report().metrics());
        }
        return byExperiment;
    }
}
