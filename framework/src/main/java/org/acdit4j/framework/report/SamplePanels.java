package org.acdit4j.framework.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A run's grid read back ({@link RunSampleGrid}) as a {@link SampleSheet.Panel}: images in one row per class (every
 * sample of that class); clips one per row with their frames across, named by their class.
 */
final class SamplePanels {

    private SamplePanels() {
    }

    /** All of a run's examples under {@code title}. */
    static SampleSheet.Panel all(String title, List<RunSampleGrid.Example> examples) {
        if (clips(examples)) {
            return new SampleSheet.Panel(title, frameNames(examples), examples.stream()
                    .map(example -> new SampleSheet.Row(className(example.label()), example.frames())).toList());
        }
        return byClass(title, examples);
    }

    /**
     * The examples of a run under {@code title} for a panel beside other runs': images as in {@link #all}, clips only
     * the first of each class, so that the panels stay short enough to compare side by side.
     */
    static SampleSheet.Panel firstClipOfEachClass(String title, List<RunSampleGrid.Example> examples) {
        if (!clips(examples)) {
            return byClass(title, examples);
        }
        Map<Integer, SampleSheet.Row> rows = new TreeMap<>();
        examples.forEach(example -> rows.putIfAbsent(example.label(),
                new SampleSheet.Row(className(example.label()), example.frames())));
        return new SampleSheet.Panel(title, frameNames(examples), List.copyOf(rows.values()));
    }

    private static SampleSheet.Panel byClass(String title, List<RunSampleGrid.Example> examples) {
        Map<Integer, List<BufferedImage>> byClass = new TreeMap<>();
        examples.forEach(example -> byClass.computeIfAbsent(example.label(), label -> new ArrayList<>())
                .add(example.frames().get(0)));
        List<SampleSheet.Row> rows = new ArrayList<>();
        byClass.forEach((label, cells) -> rows.add(new SampleSheet.Row(className(label), cells)));
        return new SampleSheet.Panel(title, List.of(), rows);
    }

    private static boolean clips(List<RunSampleGrid.Example> examples) {
        return examples.get(0).frames().size() > 1;
    }

    private static List<String> frameNames(List<RunSampleGrid.Example> examples) {
        return IntStream.range(0, examples.get(0).frames().size()).mapToObj(t -> "t=" + t).toList();
    }

    static String className(int label) {
        return "class " + label;
    }
}
