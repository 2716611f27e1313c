package org.acdit4j.framework.testing;

import org.acdit4j.framework.spec.MetricName;

/** The metrics the framework's tests give the runs of the test plugin. */
public final class TestMetrics {

    /** The test plugin's FID, {@code fid}, as its runs and their evaluation curves hold it. */
    public static final MetricName FID = new MetricName("fid");

    private TestMetrics() {
    }
}
