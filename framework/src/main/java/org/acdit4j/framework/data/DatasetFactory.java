package org.acdit4j.framework.data;

import org.acdit4j.framework.spec.DataSpec;

/** Opens a dataset described by a data spec. Registered by name in a Guice {@code MapBinder}. */
public interface DatasetFactory {

    /** Opens (fetching and caching on first use) the dataset; throws {@link DatasetException} with a one-line reason. */
    Dataset open(DataSpec spec);
}
