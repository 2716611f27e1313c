package org.acdit4j.framework.data;

/** A labelled image (or clip) dataset with a train and a test split, pixels scaled to [-1, 1]. */
public interface Dataset {

    /** Registered name, e.g. {@code fashion-mnist}. */
    String name();

    /**
     * Names the examples, changing whenever they change: the registered name for built-in data, which is fixed;
     * for a user's folder also a fingerprint of its contents ({@link DatasetFactory#identity}).
     */
    default String identity() {
        return name();
    }

    Geometry geometry();

    ImageSet split(Split split);

    default ImageSet train() {
        return split(Split.TRAIN);
    }

    default ImageSet test() {
        return split(Split.TEST);
    }
}
