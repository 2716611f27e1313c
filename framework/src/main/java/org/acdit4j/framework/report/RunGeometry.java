package org.acdit4j.framework.report;

import java.util.Optional;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.run.RunRecord;

/**
 * The shape of a run's examples, which a report needs to read the run's sample grid back (its data plugin knows it
 * without loading the data); empty when it cannot be told, and the grid is then copied as the run drew it.
 */
@FunctionalInterface
public interface RunGeometry {

    Optional<Geometry> of(RunRecord run);
}
