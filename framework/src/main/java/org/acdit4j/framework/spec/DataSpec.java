package org.acdit4j.framework.spec;

/**
 * The data section of an experiment.
 *
 * @param name   registered dataset name ({@code fashion-mnist}, {@code mnist}, {@code synthetic-shapes})
 * @param size   side of the square images the model sees; 28×28 sources are centre-padded when larger,
 *               area-averaged when smaller
 * @param source optional folder holding the standard IDX files instead of the npm package, or {@code ""}
 */
public record DataSpec(String name, int size, String source) {

    public static DataSpec of(String name, int size) {
        return new DataSpec(name, size, "");
    }
}
