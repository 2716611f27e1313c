package org.acdit4j.framework.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the elements of a report add to it, by place in {@code REPORT.md}: figures at the opening, below the finding;
 * comparison sections after the tables at equal training steps; plots, listed under one heading; galleries after the
 * plots; and every file they write, in the order written.
 */
final class ReportPage {

    private final List<Path> files = new ArrayList<>();
    private final List<String> plots = new ArrayList<>();
    private final StringBuilder opening = new StringBuilder();
    private final StringBuilder comparisons = new StringBuilder();
    private final StringBuilder galleries = new StringBuilder();

    /** A file the report writes but does not show by itself (a sample sheet a gallery shows). */
    void file(Path written) {
        files.add(written);
    }

    /** A plot the report lists under "Plots", by its file name in the report's folder. */
    void plot(Path png) {
        files.add(png);
        plots.add(png.getFileName().toString());
    }

    void opening(String markdown) {
        opening.append(markdown);
    }

    void comparison(String markdown) {
        comparisons.append(markdown);
    }

    void gallery(String markdown) {
        galleries.append(markdown);
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    List<String> plots() {
        return List.copyOf(plots);
    }

    String opening() {
        return opening.toString();
    }

    String comparisons() {
        return comparisons.toString();
    }

    String galleries() {
        return galleries.toString();
    }
}
