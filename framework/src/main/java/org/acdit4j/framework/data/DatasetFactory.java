package org.acdit4j.framework.data;

import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;

/** Opens a dataset described by a data spec. Registered by name in a Guice {@code MapBinder}. */
public interface DatasetFactory {

    /** Opens (fetching and caching on first use) the dataset; throws {@link DatasetException} with a one-line reason. */
    Dataset open(DataSpec spec);

    /** The shape of the examples {@code spec} selects, known without loading them. */
    Geometry geometry(DataSpec spec);

    /**
     * What {@link Dataset#identity()} of the dataset {@code spec} opens will be, known without decoding it (it may
     * read the source to fingerprint it); throws {@link DatasetException} when the source cannot be read.
     */
    default String identity(DataSpec spec) {
        return spec.name();
    }

    /**
     * Adds, naming the dotted key, every reason {@link #open} would fail that can be seen without loading: a
     * {@code data.source} that is missing or incomplete, a data directory that cannot be written, no npm to fetch an
     * uncached package with, an image folder that cannot be decoded. Called before any run starts; fetches nothing
     * from the network.
     */
    void preflight(DataSpec spec, Problems problems);

    /** Whether the examples are clips ({@code data.frames} ≥ 2, {@code data.digits} applies), not still images. */
    default boolean producesClips() {
        return false;
    }
}
