package org.acdit4j.framework.dsl;

import java.util.ArrayList;
import java.util.List;
import org.acdit4j.framework.spec.PlotSpec;
import org.acdit4j.framework.spec.ReportSpec;

/** {@code report}: plots of metrics against swept parameters, and which metrics to tabulate. */
public final class ReportSection extends Section {

    List<String> metrics = new ArrayList<>();
    private final List<PlotSpec> plots = new ArrayList<>();

    public ReportSection plot(String metric, String parameter) {
        plots.add(new PlotSpec(metric, parameter));
        return this;
    }

    public ReportSection metrics(String... names) {
        this.metrics = new ArrayList<>(List.of(names));
        return this;
    }

    @Override
    String key() {
        return "report";
    }

    @Override
    void validate(Problems problems) {
        for (PlotSpec plot : plots) {
            problems.require(!plot.metric().isBlank(), "report.plot", "needs a metric name");
        }
    }

    /** Plots must be against a swept key (or the seed), otherwise there is no x axis. */
    void validateAgainst(SweepSection sweep, Problems problems) {
        for (PlotSpec plot : plots) {
            problems.require(sweep.sweptKeys().contains(plot.parameter()), "report.plot",
                    "parameter '" + plot.parameter() + "' of the " + plot.metric() + " plot is not swept; swept: "
                            + String.join(", ", sweep.sweptKeys()));
        }
    }

    ReportSpec freeze() {
        return new ReportSpec(plots, metrics);
    }
}
