package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.acdit4j.experiments.definitions.BlockSizeTradeoff;
import org.acdit4j.framework.testing.ImageFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data.name=image-folder} through the real CLI on a generated RGB folder: the sweep stops at preflight while
 * the folder has no feature network, {@code acdit features train} installs one, the same sweep then trains, samples
 * and measures FID and class agreement with it, and {@code acdit sample} draws PNGs from one of its checkpoints.
 */
class ImageFolderCliTest {

    @TempDir
    Path work;

    private List<String> global() {
        return List.of("--data-dir", work.resolve("data").toString(), "--runs-dir", work.resolve("runs").toString(),
                "--results-dir", work.resolve("results").toString(), "--tracking-uri", work.resolve("mlruns").toString());
    }

    private InProcessCli.Result smokeRun(Path folder) {
        List<String> args = new ArrayList<>(global());
        args.addAll(List.of("run", BlockSizeTradeoff.DEFINITION.name(), "--preset", "smoke", "data.name=image-folder",
                "data.source=" + folder, "evaluate.evaluators=fid,class-agreement"));
        return acdit(args.toArray(String[]::new));
    }

    @Test
    void aSweepOnAnImageFolderMeasuresItWithTheFeatureNetworkTrainedForIt() throws Exception {
        Path folder = ImageFolders.write(work.resolve("photos"), List.of("blue", "green", "red", "yellow"), 12, true,
                20, 16);

        InProcessCli.Result refused = smokeRun(folder);

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(lastLine(refused.err())).matches("acdit: preflight of block-size-tradeoff \\(nothing was started\\): "
                + "\\[all plans] evaluate.evaluators: fid, class-agreement cannot measure this dataset: no feature network"
                + " for image-folder-[0-9a-f]{16} at 3x8x8, 4 classes; train one with: acdit features train --dataset"
                + " image-folder --source " + Pattern.quote(folder.toString()) + " --size 8");
        assertThat(work.resolve("runs")).doesNotExist();

        InProcessCli.Result trained = acdit("--data-dir", work.resolve("data").toString(), "features", "train",
                "--dataset", "image-folder", "--source", folder.toString(), "--size", "8", "--epochs", "2",
                "--batch", "16");

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).containsPattern("wrote " + Pattern.quote(work.resolve("data/feature-networks").toString())
                + "/image-folder-[0-9a-f]{16}-3x8\\.weights");

        InProcessCli.Result run = smokeRun(folder);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String fingerprint = trained.out().lines().filter(line -> line.startsWith("fingerprint ")).findFirst()
                .orElseThrow().substring("fingerprint ".length());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(work.resolve("mlruns"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).filteredOn(file -> file.endsWith(Path.of("metrics", "fid", "cfg1.0"))).hasSize(3);
        assertThat(files).filteredOn(file -> file.endsWith(Path.of("metrics", "class-agreement", "cfg1.0"))).hasSize(3);
        List<Path> networkTags = files.stream().filter(file -> file.getFileName().toString().equals("fid.featureNetwork"))
                .toList();
        assertThat(networkTags).isNotEmpty();
        for (Path tag : networkTags) {
            assertThat(Files.readString(tag)).isEqualTo(fingerprint);
        }

        Path checkpoint;
        try (Stream<Path> walk = Files.walk(work.resolve("runs"))) {
            checkpoint = walk.filter(file -> file.getFileName().toString().endsWith(".ckpt")).findFirst().orElseThrow();
        }
        Path pngs = work.resolve("samples");
        InProcessCli.Result sampled = acdit("--data-dir", work.resolve("data").toString(), "sample", "--checkpoint",
                checkpoint.toString(), "--count", "4", "--out", pngs + "/");

        assertThat(sampled.exitCode()).as(sampled.err()).isZero();
        int colouredPixels = 0;
        for (int i = 0; i < 4; i++) {
            BufferedImage image = ImageIO.read(pngs.resolve(String.format("%06d.png", i)).toFile());
            assertThat(image.getWidth()).isEqualTo(8);
            assertThat(image.getHeight()).isEqualTo(8);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    int rgb = image.getRGB(x, y);
                    colouredPixels += (rgb >> 16 & 0xff) != (rgb & 0xff) ? 1 : 0;
                }
            }
        }
        assertThat(colouredPixels).as("pixels whose red and blue differ: RGB samples are written in colour")
                .isPositive();
    }

    /** The last line of {@code text}: the CLI's error after any log lines. */
    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
