package org.acdit4j.framework.spec;

/** What two runs of a paired comparison are read at. */
public enum ComputeBasis {

    /** Their final metrics: every run trained the same number of steps, whatever each step cost. */
    EQUAL_STEPS,

    /**
     * Their evaluations while training ({@code report.progress}), each read by linear interpolation at the largest
     * training FLOPs both runs of the pair reached: the cheaper run's last evaluation against the costlier run's curve.
     */
    EQUAL_COMPUTE;

    /** {@code at equal compute}: as the report headings and plot titles name it. */
    public String phrase() {
        return "at " + EnumTexts.words(this);
    }
}
