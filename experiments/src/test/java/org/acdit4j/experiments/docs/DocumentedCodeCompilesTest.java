package org.acdit4j.experiments.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code examples of docs/EXPERIMENTS.md compile against the current sources, whole files and fragments alike. */
class DocumentedCodeCompilesTest {

    private static final Path EXPERIMENTS_GUIDE = Path.of("..", "docs", "EXPERIMENTS.md");

    @TempDir
    Path classes;

    @Test
    void everyJavaBlockOfTheExperimentsGuideCompiles() throws IOException {
        DocumentedCode code = DocumentedCode.of(EXPERIMENTS_GUIDE);

        // a new experiment (file + binding line), a new evaluator (file + provider method), a new model's binding
        assertThat(code.blocks()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(code.compileInto(classes)).isEmpty();
        assertThat(classes.resolve("org/acdit4j/experiments/definitions/GuidanceSweep.class")).isRegularFile();
        assertThat(classes.resolve("org/acdit4j/evaluators/intensity/MeanIntensityEvaluator.class")).isRegularFile();
    }

    @Test
    void aBlockThatNoLongerCompilesIsReportedWithItsLine() throws IOException {
        DocumentedCode code = DocumentedCode.of("""
                A binding that names an experiment which does not exist:
                ```java
                experiments.addBinding("x").toInstance(NoSuchExperiment.DEFINITION);
                ```
                """);

        assertThat(code.compileInto(classes)).singleElement().asString().contains("Fragment1.java")
                .contains("NoSuchExperiment");
    }
}
