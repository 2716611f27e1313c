package org.acdit4j.framework.data;

import org.acdit4j.framework.spec.DataSpec;

/** Opens a dataset described by a data spec. Registered by name in a Guice {@code MapBinder}. */
public interface DatasetFactory {

    /** Opens (fetching and caching on first use) the dataset; throws {@link DatasetException} with a one-line reason. */
    Dataset open(DataSpec spec);

    /** Whether the examples are clips ({@code data.frames} ≥ 2, {@code data.digits} applies), not still images. */
    default boolean producesClips() {
        return false;
    }
}
