package org.acdit4j.framework.data;

/** A dataset whose two splits are already in memory. */
public record InMemoryDataset(String name, Geometry geometry, ImageSet trainSet, ImageSet testSet) implements Dataset {

    @Override
    public ImageSet split(Split split) {
        return split == Split.TRAIN ? trainSet : testSet;
    }
}
