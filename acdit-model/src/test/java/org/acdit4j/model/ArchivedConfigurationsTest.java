package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.acdit4j.framework.dsl.Experiment;
import org.acdit4j.framework.model.ModelType;
import org.acdit4j.framework.run.ConfigYaml;
import org.acdit4j.framework.spec.ExperimentSpec;
import org.acdit4j.model.tokenar.TokenAr;
import org.junit.jupiter.api.Test;

/**
 * Every run archived under the repository's {@code results/<experiment>/runs/} still reads as the configuration it
 * was trained with: its {@code config.yaml} builds on today's plugin, a retired key under its successor.
 */
class ArchivedConfigurationsTest {

    private static final Path RESULTS = Path.of("..", "results");
    private static final Map<String, ModelType<?, ?>> TYPES = Map.of(Acdit.NAME, Acdit.TYPE, TokenAr.NAME, TokenAr.TYPE);

    @Test
    void everyArchivedConfigurationBuildsWithItsLossWeighting() throws IOException {
        List<Path> configurations = archivedConfigurations();
        assumeTrue(!configurations.isEmpty(), "no archived runs in " + RESULTS.toAbsolutePath());
        for (Path file : configurations) {
            Map<String, String> stored = ConfigYaml.parse(Files.readString(file));
            ExperimentSpec spec = Experiment.fromConfiguration(TYPES.get(stored.get("model.name")), stored);
            if (spec.model().config() instanceof AcditSpec acdit && stored.containsKey("train.lossWeighting")) {
                assertThat(acdit.lossWeighting()).as(file.toString()).hasToString(stored.get("train.lossWeighting"));
            }
        }
    }

    private static List<Path> archivedConfigurations() throws IOException {
        if (!Files.isDirectory(RESULTS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(RESULTS, 4, (path, attributes) -> path.endsWith("config.yaml")
                && path.getParent().getParent().getFileName().toString().equals("runs"))) {
            return files.sorted().toList();
        }
    }
}
