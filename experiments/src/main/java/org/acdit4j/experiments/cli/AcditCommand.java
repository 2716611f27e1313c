package org.acdit4j.experiments.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level {@code acdit} command; its subcommands do the work. */
@Command(name = "acdit", mixinStandardHelpOptions = true, version = "acdit4j 0.1.0",
        description = "ACDiT experiments on SameDiff: train, sample, evaluate and track the AR <-> diffusion trade-off.",
        subcommands = {ListCommand.class, PlanCommand.class, RunCommand.class, ResumeCommand.class, SampleCommand.class, ReportCommand.class, ArchiveCommand.class,
            RunsCommand.class, BenchCommand.class, DoctorCommand.class,
            FeaturesCommand.class, TrainFeaturesAliasCommand.class,
            DataCommand.class, ExecuteRunCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a run or task failed", "2:usage or configuration error"})
public final class AcditCommand {

    @Mixin
    GlobalOptions globalOptions;
}
