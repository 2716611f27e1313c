package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.acdit4j.framework.data.BatchStream;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.ImageFolderDatasetFactory;
import org.acdit4j.framework.data.ImageSet;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.report.ImageGrid;
import org.acdit4j.framework.report.SampleFiles;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.framework.testing.ImageFolders;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.Solver;
import org.acdit4j.model.diffusion.LossWeighting;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny ACDiT trained on a generated image folder (four classes of coloured or grey squares on black, PNG, JPEG and
 * BMP files), then sampled and written as a grid and as PNG files: the grey and the RGB path end to end.
 */
class ImageFolderTrainingTest {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderTrainingTest.class);
    private static final List<String> CLASSES = List.of("blue", "green", "red", "yellow");

    @TempDir
    Path work;

    @ParameterizedTest(name = "colour {0}")
    @ValueSource(booleans = {false, true})
    void trainsSamplesAndWritesImagesOfTheFolder(boolean colour) throws Exception {
        Path folder = ImageFolders.write(work.resolve("images"), CLASSES, 16, colour, 20, 16);
        Dataset dataset = new ImageFolderDatasetFactory(new DataDirectory(work.resolve("cache")))
                .open(DataSpec.fromSource(ImageFolderDatasetFactory.NAME, 8, folder.toString(), 0));
        Geometry g = dataset.geometry();
        assertThat(g).isEqualTo(Geometry.image(colour ? 3 : 1, 8, 8, 4));

        AcditSpec spec = new AcditSpec(32, 1, 2, 2, 4, BlockShape.SQUARE, RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1,
                4, DiffusionObjective.EPSILON, LossWeighting.UNIFORM);
        TrainSpec train = new TrainSection().steps(150).batch(16).lr(5e-3).betas(0.9, 0.999).weightDecay(0.0)
                .gradClip(1.0).schedule(LearningRateSchedule.WSD).warmupSteps(10).decayFraction(0.2).ema(0.95).build();
        AcditModel model = TinyModels.model(spec, train, g, 1, DataType.FLOAT);
        BatchStream batches = dataset.train().batches(train.batch(), 3);
        double firstLoss = 0;
        double loss = 0;
        for (int step = 0; step < train.steps(); step++) {
            double stepLoss = model.trainStep(batches.batch(step)).loss();
            firstLoss = step < 10 ? firstLoss + stepLoss / 10 : firstLoss;
            loss = step >= train.steps() - 10 ? loss + stepLoss / 10 : loss;
        }
        int[] labels = new int[16];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4;
        }
        ImageBatch samples = model.sample(new SampleRequest(labels, new DiffusionSampling(Solver.DDIM, 10), 3.0, 5,
                true, true));
        LOG.info("colour {}: loss {} -> {}", colour, firstLoss, loss);

        assertThat(loss).isLessThan(firstLoss * 0.8);
        assertThat(samples.geometry()).isEqualTo(g);
        int agree = 0;
        double[][] classMeans = classMeans(dataset.train());
        for (int i = 0; i < samples.size(); i++) {
            agree += nearest(brightMean(samples.example(i), g), classMeans) == labels[i] ? 1 : 0;
        }
        LOG.info("colour {}: {} of {} samples nearest to their class's mean", colour, agree, samples.size());
        // chance is 4 of 16; P(at least 7 | chance) is 0.08, and 150 steps gave 8 for both grey and RGB
        assertThat(agree).isGreaterThanOrEqualTo(7);

        Path grid = work.resolve("grid.png");
        ImageGrid.writePng(samples, 4, 2, grid);
        SampleFiles.writePngFolder(samples, work.resolve("pngs"));
        BufferedImage first = ImageIO.read(work.resolve("pngs/000000.png").toFile());
        assertThat(first.getWidth()).isEqualTo(8);
        assertThat(ImageIO.read(grid.toFile())).isNotNull();
        assertThat(hasColour(first)).isEqualTo(colour);
    }

    /** Per class, the mean of {@link #brightMean} over its training images. */
    private static double[][] classMeans(ImageSet set) {
        int channels = set.geometry().channels();
        double[][] means = new double[set.geometry().classes()][channels];
        int[] counts = set.classCounts();
        ImageBatch all = set.range(0, set.size());
        for (int i = 0; i < set.size(); i++) {
            double[] m = brightMean(all.example(i), set.geometry());
            for (int c = 0; c < channels; c++) {
                means[set.label(i)][c] += m[c] / counts[set.label(i)];
            }
        }
        return means;
    }

    /** The mean value of every channel over the pixels brighter than the background (the square). */
    private static double[] brightMean(float[] image, Geometry g) {
        int plane = g.height() * g.width();
        double[] sum = new double[g.channels()];
        int count = 0;
        for (int k = 0; k < plane; k++) {
            double total = 0;
            for (int c = 0; c < g.channels(); c++) {
                total += image[c * plane + k];
            }
            if (total / g.channels() > -0.5) {
                count++;
                for (int c = 0; c < g.channels(); c++) {
                    sum[c] += image[c * plane + k];
                }
            }
        }
        for (int c = 0; c < sum.length; c++) {
            sum[c] /= Math.max(1, count);
        }
        return sum;
    }

    private static int nearest(double[] value, double[][] means) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int k = 0; k < means.length; k++) {
            double distance = 0;
            for (int c = 0; c < value.length; c++) {
                distance += (value[c] - means[k][c]) * (value[c] - means[k][c]);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        return best;
    }

    private static boolean hasColour(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if ((rgb >> 16 & 0xff) != (rgb >> 8 & 0xff) || (rgb >> 8 & 0xff) != (rgb & 0xff)) {
                    return true;
                }
            }
        }
        return false;
    }
}
