package org.acdit4j.framework.data;

/** A dataset whose two splits are already in memory. */
public record InMemoryDataset(String name, String identity, Geometry geometry, ImageSet trainSet, ImageSet testSet)
        implements Dataset {

    /** A dataset whose examples are fixed by its name. */
    public InMemoryDataset(String name, Geometry geometry, ImageSet trainSet, ImageSet testSet) {
        this(name, name, geometry, trainSet, testSet);
    }

    @Override
    public ImageSet split(Split split) {
        return split == Split.TRAIN ? trainSet : testSet;
    }
}
