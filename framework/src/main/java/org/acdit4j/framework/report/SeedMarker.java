package org.acdit4j.framework.report;

import java.awt.Graphics2D;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Marker;

/** The mark of a single seed's value beside a mean: a circle three fifths the size of the chart's markers (at least 4 px). */
final class SeedMarker extends Marker {

    private final Marker circle = new Circle();

    @Override
    public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
        circle.paint(g, xOffset, yOffset, Math.max(4, markerSize * 3 / 5));
    }
}
