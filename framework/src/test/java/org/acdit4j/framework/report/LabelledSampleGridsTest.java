package org.acdit4j.framework.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's grid read back into its examples and drawn again as a person reads it: one row per class named in the
 * margin, the configuration's label above, every 16×16 cell upscaled ×4.
 */
class LabelledSampleGridsTest {

    private static final Geometry DIGITS = Geometry.image(1, 16, 16, 10);
    private static final Geometry CLIPS = new Geometry(1, 16, 16, 3, 10);

    @TempDir
    Path dir;

    @Test
    void aRunsGridReadsBackIntoItsExamplesWithTheirClassesAtNativeSize() throws Exception {
        List<RunSampleGrid.Example> examples = numberedGridReadBack(DIGITS);

        assertThat(examples).hasSize(RunSampleGrid.EXAMPLES);
        assertThat(examples).extracting(RunSampleGrid.Example::label)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (int i = 0; i < examples.size(); i++) {
            BufferedImage image = examples.get(i).frames().get(0);
            assertThat(image.getWidth()).isEqualTo(16);
            assertThat(image.getRGB(5, 7) & 0xff).isEqualTo(greyOf(i, 5, 7));
            assertThat(image.getRGB(15, 0) & 0xff).isEqualTo(greyOf(i, 15, 0));
        }
        assertThat(RunSampleGrid.read(ImageIO.read(dir.resolve("final.png").toFile()), Geometry.image(1, 28, 28, 10)))
                .isEmpty();
    }

    @Test
    void theSheetHasALabelMarginATitleAndCellsFourTimesTheirSize() throws Exception {
        List<RunSampleGrid.Example> examples = numberedGridReadBack(DIGITS);
        SampleSheet.Panel panel = SamplePanels.all("AR length 4 (block 4), seed 0", examples);

        assertThat(panel.rows()).extracting(SampleSheet.Row::label)
                .containsExactly("class 0", "class 1", "class 2", "class 3", "class 4", "class 5", "class 6", "class 7",
                        "class 8", "class 9");
        assertThat(panel.rows()).allSatisfy(row -> assertThat(row.cells()).hasSize(2));
        assertThat(SampleSheet.scaleFor(List.of(panel))).isEqualTo(4);
        Path sheetFile = dir.resolve("sheet.png");
        SampleSheet.write(List.of(panel), sheetFile);
        BufferedImage sheet = ImageIO.read(sheetFile.toFile());

        int pitch = 16 * 4 + SampleSheet.GAP;
        // ten rows of 64-pixel cells under the title; two cells wider than the narrowest panel would be
        assertThat(sheet.getHeight()).isGreaterThan(10 * pitch).isLessThan(10 * pitch + 80);
        int top = sheet.getHeight() - SampleSheet.PADDING - 10 * pitch;
        int cellsRight = sheet.getWidth() - SampleSheet.PADDING - (SampleSheet.MIN_PANEL_WIDTH - 2 * pitch) / 2;
        int cellsLeft = cellsRight - 2 * pitch;
        int margin = cellsLeft - (SampleSheet.MIN_PANEL_WIDTH - 2 * pitch) / 2;
        assertThat(margin).isGreaterThan(40);                 // wide enough for "class 9"
        assertThat(darkPixels(sheet, 0, top, margin, top + pitch)).isGreaterThan(20);   // "class 0" is written there
        assertThat(darkPixels(sheet, 0, 0, sheet.getWidth(), top - 2)).isGreaterThan(50); // the title
        // example 13 (class 3, the second of its row): each source pixel is a 4×4 block at its place
        int left = cellsLeft + pitch;
        int rowTop = top + 3 * pitch;
        for (int[] at : new int[][] {{5, 7}, {15, 0}, {0, 15}}) {
            for (int d = 0; d < 4; d++) {
                assertThat(sheet.getRGB(left + at[0] * 4 + d, rowTop + at[1] * 4 + d) & 0xff).isEqualTo(greyOf(13, at[0], at[1]));
            }
        }
    }

    @Test
    void clipsAreRowsOfFramesNamedByClassUnderFrameIndicesAndBesideOtherRunsTheFirstOfEachClass() throws Exception {
        List<RunSampleGrid.Example> clips = numberedGridReadBack(CLIPS);

        SampleSheet.Panel all = SamplePanels.all("AR length 3 (1 frame per block), seed 0", clips);
        SampleSheet.Panel firsts = SamplePanels.firstClipOfEachClass("AR length 3 (1 frame per block), seed 0", clips);

        assertThat(clips).hasSize(RunSampleGrid.EXAMPLES).allSatisfy(clip -> assertThat(clip.frames()).hasSize(3));
        assertThat(all.columnNames()).containsExactly("t=0", "t=1", "t=2");
        assertThat(all.rows()).hasSize(20);
        assertThat(all.rows().get(13).label()).isEqualTo("class 3");
        assertThat(firsts.rows()).hasSize(10);
        assertThat(firsts.rows().get(3).cells()).isEqualTo(clips.get(3).frames());
        assertThat(clips.get(13).frames().get(2).getRGB(4, 9) & 0xff).isEqualTo(greyOf(13 * 3 + 2, 4, 9));
    }

    /** The {@link #numbered} examples of {@code geometry} written as a run's grid, {@code final.png}, and read back. */
    private List<RunSampleGrid.Example> numberedGridReadBack(Geometry geometry) throws IOException {
        Path png = dir.resolve("final.png");
        ImageGrid.writePng(numbered(geometry), geometry.classes(), RunSampleGrid.SCALE, png);
        return RunSampleGrid.read(ImageIO.read(png.toFile()), geometry).orElseThrow();
    }

    /** Example (or clip frame) k's pixel (x, y): a grey level that differs between examples, rows and columns. */
    private static ImageBatch numbered(Geometry geometry) {
        int n = RunSampleGrid.EXAMPLES;
        float[] pixels = new float[n * geometry.valuesPerExample()];
        int plane = geometry.height() * geometry.width();
        for (int k = 0; k < n * geometry.frames(); k++) {
            for (int y = 0; y < geometry.height(); y++) {
                for (int x = 0; x < geometry.width(); x++) {
                    pixels[k * plane + y * geometry.width() + x] = (float) (greyOf(k, x, y) / 127.5 - 1);
                }
            }
        }
        return new ImageBatch(geometry, pixels, RunSampleGrid.labels(geometry.classes()));
    }

    private static int greyOf(int k, int x, int y) {
        return (k * 37 + x * 11 + y * 5) % 256;
    }

    private static int darkPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        int dark = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                dark += (image.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        return dark;
    }
}
