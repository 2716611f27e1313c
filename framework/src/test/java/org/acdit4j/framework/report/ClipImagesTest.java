package org.acdit4j.framework.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clips become an animated GIF (one GIF frame per clip frame) and a film strip PNG (one row per clip). */
class ClipImagesTest {

    private static final Geometry CLIP = new Geometry(1, 4, 4, 5, 3);

    @TempDir
    Path dir;

    @Test
    void theGifHasOneFramePerClipFrameShowingThatFrame() throws Exception {
        ImageBatch clips = clipsWhoseFrameTIsGrey(3);
        Path gif = dir.resolve("clips.gif");
        ImageGrid.writeGif(clips, 3, 1, 200, gif);

        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(5);
            for (int t = 0; t < 5; t++) {
                BufferedImage frame = reader.read(t);
                int grey = frame.getRGB(2 + 1, 2 + 1) & 0xff;                  // inside the first clip's cell
                assertThat(grey).isCloseTo(levelOf(t), org.assertj.core.data.Offset.offset(3));
            }
        }
        assertThat(new String(Files.readAllBytes(gif), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("NETSCAPE2.0");
    }

    @Test
    void thePngOfClipsIsAFilmStripWithOneRowPerClip() throws Exception {
        Path png = dir.resolve("clips.png");
        ImageGrid.writePng(clipsWhoseFrameTIsGrey(3), 10, 2, png);

        BufferedImage image = ImageIO.read(png.toFile());
        int cell = 4 * 2 + 2;
        assertThat(image.getWidth()).isEqualTo(5 * cell + 2);
        assertThat(image.getHeight()).isEqualTo(3 * cell + 2);
        assertThat(image.getRGB(2 + 4 * cell + 1, 2 + 2 * cell + 1) & 0xff)
                .isCloseTo(levelOf(4), org.assertj.core.data.Offset.offset(1));
    }

    /** Pixel value of frame t: evenly spaced grey levels from black. */
    private static ImageBatch clipsWhoseFrameTIsGrey(int n) {
        float[] pixels = new float[n * CLIP.valuesPerExample()];
        int perFrame = 16;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 5; t++) {
                java.util.Arrays.fill(pixels, (i * 5 + t) * perFrame, (i * 5 + t + 1) * perFrame, -1f + 0.5f * t);
            }
        }
        return new ImageBatch(CLIP, pixels, new int[n]);
    }

    private static int levelOf(int t) {
        return (int) Math.round((-1f + 0.5f * t) * 127.5 + 127.5);
    }
}
