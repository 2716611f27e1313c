package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.acdit4j.evaluators.features.FeatureNetworkWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code acdit features train} (and its former name {@code acdit train-features}) through the real CLI: options, their
 * validation and short trainings.
 */
class TrainFeaturesCommandTest {

    @Test
    void helpListsEveryOptionWithItsDefault() {
        InProcessCli.Result result = acdit("features", "train", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: acdit features train")
                .contains("--dataset=NAME", "--out=FILE", "--source=DIR", "--channels=<channels>",
                        "--digit-size=<digitSize>", "--data-dir=DIR")
                .contains("Image side (default: 32)", "Epochs (default: 6)", "Batch size (default: 64)",
                        "learning rate (default: 0.001)", "(default: 1)", "pixels (default: 0)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --out x                                    | acdit: Missing required option: '--dataset=NAME'
            --dataset mnist --out x --epoch 3          | acdit: Unknown options: '--epoch', '3'
            --dataset mnist --out x --epochs three     | acdit: Invalid value for option '--epochs': 'three' is not an int
            --dataset cifar --out x                    | acdit: unknown dataset 'cifar'; known: fashion-mnist, image-folder, mnist, moving-mnist, synthetic-shapes
            --dataset mnist --out x --epochs 0         | acdit: --epochs must be >= 1, got 0
            --dataset mnist --out x --batch 0          | acdit: --batch must be >= 1, got 0
            --dataset mnist --out x --shift -1         | acdit: --shift must be >= 0, got -1
            --dataset mnist --out x --lr 0             | acdit: --lr must be > 0, got 0.0
            --dataset mnist --channels 2               | acdit: --channels must be 0, 1 or 3, got 2
            --dataset image-folder                     | acdit: data.source: must name the folder of images (one subfolder per class) for image-folder
            """)
    void badArgumentsAreOneLineAndExitTwo(String arguments, String message) {
        String[] words = arguments.split(" ");
        String[] args = new String[words.length + 2];
        args[0] = "features";
        args[1] = "train";
        System.arraycopy(words, 0, args, 2, words.length);

        InProcessCli.Result result = acdit(args);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(message);
    }

    @Test
    void theFormerNameTrainsAndWritesTheWeightsItsFingerprintNames(@TempDir Path work) throws Exception {
        Path file = work.resolve("shapes-8.weights");

        InProcessCli.Result result = acdit("train-features", "--dataset", "synthetic-shapes", "--size", "8", "--epochs", "1",
                "--batch", "250", "--seed", "5", "--out", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String fingerprint = result.out().lines().filter(line -> line.startsWith("fingerprint ")).findFirst()
                .orElseThrow().substring("fingerprint ".length());
        FeatureNetworkWeights weights = FeatureNetworkWeights.read(file, fingerprint);
        assertThat(weights.dataset()).isEqualTo("synthetic-shapes");
        assertThat(weights.side()).isEqualTo(8);
        assertThat(result.out()).contains("Settings[epochs=1, batchSize=250, learningRate=0.001, seed=5, maxShift=0]");
    }
}
