package org.acdit4j.framework.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.acdit4j.framework.io.AtomicFiles;
import org.acdit4j.framework.run.RunRecord;
import org.acdit4j.framework.spec.SampleGridsSpec;

/**
 * Renders {@link SampleGridsSpec}: each finished run's final grid drawn again as a labelled, upscaled sheet
 * ({@link SampleSheet}; copied as drawn when its shape cannot be told) and its GIFs copied, shown in the gallery
 * "Sample grids"; and the first seed's samples of every configuration side by side, shown at the opening.
 */
final class SampleGrids implements ReportElementRenderer<SampleGridsSpec> {

    /** The first seed's samples of every configuration side by side, which the report opens with. */
    private static final String CONFIGURATION_SAMPLES = "samples/configurations.png";

    /** The run's final sample grid, which the report draws again with labels. */
    private static final String FINAL_GRID = "final.png";

    /** The sample files a run may leave, with what their caption adds to the run's label. */
    private static final Map<String, String> GRID_CAPTIONS = orderedCaptions();

    /** A run's sample grid: its path relative to the report and the caption above it (label and seed). */
    private record Grid(String file, String caption) {
    }

    private static Map<String, String> orderedCaptions() {
        Map<String, String> captions = new LinkedHashMap<>();
        captions.put(FINAL_GRID, "");
        captions.put("final.gif", ", animated");
        captions.put("rollout.gif", ", rolled out");
        return captions;
    }

    @Override
    public void render(List<SampleGridsSpec> specs, ReportRuns runs, ReportPage page) {
        List<Grid> grids = new ArrayList<>();
        Map<String, SampleSheet.Panel> firstPanels = new LinkedHashMap<>();     // configuration → its first seed's samples
        for (RunRecord run : runs.finished()) {
            Path samples = runs.folder(run).samples();
            for (String name : GRID_CAPTIONS.keySet()) {
                Path grid = samples.resolve(name);
                if (Files.isRegularFile(grid)) {
                    String suffix = name.startsWith("rollout") ? "-rollout" : "";
                    Path copy = runs.output("samples").resolve(run.run() + suffix + name.substring(name.indexOf('.')));
                    Optional<List<RunSampleGrid.Example>> examples = name.equals(FINAL_GRID)
                            ? runs.geometry().of(run).flatMap(shape -> RunSampleGrid.read(image(grid), shape))
                            : Optional.empty();
                    if (examples.isPresent()) {
                        SampleSheet.write(List.of(SamplePanels.all(runs.runLabel(run), examples.get())), copy);
                        firstPanels.putIfAbsent(runs.configuration(run),
                                SamplePanels.firstClipOfEachClass(runs.runLabel(run), examples.get()));
                    } else {
                        copy(grid, copy);
                    }
                    page.file(copy);
                    grids.add(new Grid("samples/" + copy.getFileName(), runs.runLabel(run) + GRID_CAPTIONS.get(name)));
                }
            }
        }
        if (!firstPanels.isEmpty()) {
            List<SampleSheet.Panel> panels = runs.definitionOrder().stream().filter(firstPanels::containsKey)
                    .map(firstPanels::get).toList();
            Path sheet = runs.output(CONFIGURATION_SAMPLES);
            SampleSheet.write(panels, sheet);
            page.file(sheet);
            page.opening("Samples of each configuration (its first seed; one row per class, the spec's solver and "
                    + "guidance, EMA weights, final step):\n\n![samples of each configuration](" + CONFIGURATION_SAMPLES
                    + ")\n\n");
        }
        if (!grids.isEmpty()) {
            page.gallery(gallery(grids));
        }
    }

    private static String gallery(List<Grid> grids) {
        StringBuilder md = new StringBuilder("## Sample grids\n\nOne row per class, named in the margin (EMA weights, the "
                + "spec's solver and guidance), final step of each run.");
        if (grids.stream().anyMatch(grid -> grid.file().endsWith(".gif"))) {
            md.append(" Clips: the PNG shows one clip per row, frame by frame; the GIF plays them (one column per "
                    + "class); the `-rollout` GIF continues each clip to 4× the trained length with the largest "
                    + "context window that keeps attention offsets inside the trained clip.");
        }
        md.append("\n\n");
        for (Grid grid : grids) {
            md.append("**").append(grid.caption()).append("**\n\n![").append(grid.file()).append("](")
                    .append(grid.file()).append(")\n\n");
        }
        return md.toString();
    }

    private static BufferedImage image(Path png) {
        try {
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) {
                throw new IllegalStateException(png + " is not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + png, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            AtomicFiles.write(to, Files.readAllBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }
}
