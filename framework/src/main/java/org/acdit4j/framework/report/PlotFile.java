package org.acdit4j.framework.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as a PNG file, written atomically, whose text chunks (UTF-8 {@code iTXt}) carry what it shows in words: its
 * {@code Title}, its {@code Legend} (one series name per line) and, for bar charts, its {@code Categories}; image
 * viewers show them as the file's properties, and scripts and tests read them without OCR.
 */
final class PlotFile {

    static final String TITLE = "Title";
    static final String LEGEND = "Legend";
    static final String CATEGORIES = "Categories";

    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private PlotFile() {
    }

    /** {@code fid_cfg1.5}: a metric or key as part of a plot's file name. */
    static String name(String metricOrKey) {
        return metricOrKey.replaceAll("[^A-Za-z0-9.]+", "_");
    }

    static void write(Chart<?, ?> chart, Path png) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            IIOMetadataNode texts = new IIOMetadataNode("iTXt");
            texts.appendChild(text(TITLE, chart.getTitle()));
            texts.appendChild(text(LEGEND, String.join("\n", chart.getSeriesMap().keySet())));
            if (chart instanceof CategoryChart bars && !bars.getSeriesMap().isEmpty()) {
                List<String> categories = bars.getSeriesMap().values().iterator().next().getXData().stream()
                        .map(String::valueOf).toList();
                texts.appendChild(text(CATEGORIES, String.join("\n", categories)));
            }
            IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
            root.appendChild(texts);
            metadata.mergeTree(PNG_METADATA, root);
            Path folder = png.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".plot", ".png");
            try (ImageOutputStream out = ImageIO.createImageOutputStream(temporary.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
            }
            Files.move(temporary, png, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException("cannot describe " + png + " in its PNG metadata", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode text(String keyword, String value) {
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", value);
        return entry;
    }
}
