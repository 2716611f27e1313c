package org.acdit4j.tracking.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.acdit4j.framework.run.Provenance;
import org.acdit4j.tracking.RunSource;

/** Small real files and fixed values shared by the tests. */
public final class TestFiles {

    public static final RunSource SOURCE = new RunSource("alice", "org.acdit4j.Main",
            new Provenance.Checkout("0123456789abcdef0123456789abcdef01234567", "main", "https://example.org/acdit4j.git"));

    private TestFiles() {
    }

    /** A 4x4 PNG with a diagonal, written with ImageIO. */
    public static Path png(Path dir, String name) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 4; i++) {
            image.setRGB(i, i, Color.WHITE.getRGB());
        }
        Path file = dir.resolve(name);
        Files.createDirectories(dir);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    public static Path csv(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), "step,loss\n0,1.0\n1,0.5\n");
    }
}
