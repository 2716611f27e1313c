package org.acdit4j.framework.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.acdit4j.framework.io.AtomicFiles;

/**
 * Samples as a person reads them: panels side by side, one per configuration, each under its title (the
 * configuration's label, wrapped to the panel's width) and, for clips, frame indices; one row per class, named in the
 * left margin, so that the rows of all panels show the same class; every cell upscaled by nearest neighbour, so a
 * 16×16 digit is drawn 64 pixels high.
 */
final class SampleSheet {

    /** A row of cells (the samples of a class, or the frames of one clip) under the name in the margin. */
    record Row(String label, List<BufferedImage> cells) {
    }

    /** One configuration's samples: its title, the names of its columns (none for images) and its rows. */
    record Panel(String title, List<String> columnNames, List<Row> rows) {
    }

    /** How large a cell should be drawn: the smallest multiple of its size that is at least this many pixels. */
    static final int CELL_PIXELS = 64;
    /** A sheet wider than this is drawn at a smaller multiple, but never below ×2. */
    static final int MAX_WIDTH = 1600;
    static final int GAP = 2;
    static final int PADDING = 8;
    static final int MIN_PANEL_WIDTH = 150;

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color TEXT = new Color(0x20, 0x20, 0x20);

    private SampleSheet() {
    }

    /** Draws {@code panels} (rows in the same order of classes) as a PNG at {@link #scaleFor}'s scale. */
    static void write(List<Panel> panels, Path png) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(panels, scaleFor(panels)), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + png, e);
        }
        AtomicFiles.write(png, bytes.toByteArray());
    }

    /**
     * The scale: cells of at least {@link #CELL_PIXELS} pixels (×4 for 16 pixels, ×2 for 32), lowered (not below ×2)
     * while the cells of all panels side by side would be wider than {@link #MAX_WIDTH}.
     */
    static int scaleFor(List<Panel> panels) {
        BufferedImage first = panels.get(0).rows().get(0).cells().get(0);
        int side = Math.max(first.getWidth(), first.getHeight());
        int scale = Math.max(1, (CELL_PIXELS + side - 1) / side);
        while (scale > 2 && cellsWidth(panels, scale) > MAX_WIDTH) {
            scale--;
        }
        return scale;
    }

    static BufferedImage render(List<Panel> panels, int scale) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        FontMetrics titleMetrics = measure.getFontMetrics(TITLE_FONT);
        FontMetrics labelMetrics = measure.getFontMetrics(LABEL_FONT);
        measure.dispose();
        BufferedImage cell = panels.get(0).rows().get(0).cells().get(0);
        int cellWidth = cell.getWidth() * scale;
        int cellHeight = cell.getHeight() * scale;
        int rows = panels.stream().mapToInt(panel -> panel.rows().size()).max().orElse(0);
        List<String> rowLabels = panels.stream().filter(panel -> panel.rows().size() == rows).findFirst().orElseThrow()
                .rows().stream().map(Row::label).toList();
        int margin = PADDING + rowLabels.stream().mapToInt(labelMetrics::stringWidth).max().orElse(0) + PADDING;
        List<Integer> widths = new ArrayList<>();
        List<List<String>> titles = new ArrayList<>();
        int titleLines = 1;
        for (Panel panel : panels) {
            int width = Math.max(MIN_PANEL_WIDTH, columns(panel) * (cellWidth + GAP));
            widths.add(width);
            List<String> lines = wrap(panel.title(), titleMetrics, width - PADDING);
            titles.add(lines);
            titleLines = Math.max(titleLines, lines.size());
        }
        boolean columnNames = panels.stream().anyMatch(panel -> !panel.columnNames().isEmpty());
        int titleHeight = PADDING + titleLines * titleMetrics.getHeight();
        int top = titleHeight + (columnNames ? labelMetrics.getHeight() : 0) + PADDING / 2;
        int width = margin + widths.stream().mapToInt(w -> w + PADDING).sum();
        int height = top + rows * (cellHeight + GAP) + PADDING;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setColor(TEXT);
        g.setFont(LABEL_FONT);
        for (int r = 0; r < rowLabels.size(); r++) {
            int baseline = top + r * (cellHeight + GAP) + (cellHeight + labelMetrics.getAscent()) / 2;
            g.drawString(rowLabels.get(r), PADDING, baseline);
        }
        int left = margin;
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int panelWidth = widths.get(p);
            int cellsLeft = left + (panelWidth - columns(panel) * (cellWidth + GAP)) / 2;
            g.setFont(TITLE_FONT);
            List<String> lines = titles.get(p);
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), left + (panelWidth - titleMetrics.stringWidth(lines.get(i))) / 2,
                        PADDING + titleMetrics.getAscent() + i * titleMetrics.getHeight());
            }
            g.setFont(LABEL_FONT);
            for (int c = 0; c < panel.columnNames().size(); c++) {
                String name = panel.columnNames().get(c);
                g.drawString(name, cellsLeft + c * (cellWidth + GAP) + (cellWidth - labelMetrics.stringWidth(name)) / 2,
                        titleHeight + labelMetrics.getAscent());
            }
            for (int r = 0; r < panel.rows().size(); r++) {
                List<BufferedImage> cells = panel.rows().get(r).cells();
                for (int c = 0; c < cells.size(); c++) {
                    g.drawImage(cells.get(c), cellsLeft + c * (cellWidth + GAP), top + r * (cellHeight + GAP),
                            cellWidth, cellHeight, null);
                }
            }
            left += panelWidth + PADDING;
        }
        g.dispose();
        return sheet;
    }

    private static int columns(Panel panel) {
        return panel.rows().stream().mapToInt(row -> row.cells().size()).max().orElse(0);
    }

    private static int cellsWidth(List<Panel> panels, int scale) {
        BufferedImage cell = panels.get(0).rows().get(0).cells().get(0);
        return panels.stream().mapToInt(panel -> columns(panel) * (cell.getWidth() * scale + GAP) + PADDING).sum();
    }

    /** {@code text} in lines no wider than {@code width}, broken between words (a longer word gets a line of its own). */
    static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && metrics.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
