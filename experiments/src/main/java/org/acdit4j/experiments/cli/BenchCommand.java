package org.acdit4j.experiments.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.acdit4j.model.bench.ModelBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code acdit bench [key=value…]}: the model's performance benchmark (docs/PERFORMANCE.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark training and sampling of the reference model against a GEMM peak measured in the same run"
                + " (keys: blocks=1,4,16,64 steps=5 warmup=2 batch=64 sampleImages=8 sampleSteps=5 guidance=1.5).")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Benchmark settings.")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            ModelBenchmark.run(settings.toArray(String[]::new), System.out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
