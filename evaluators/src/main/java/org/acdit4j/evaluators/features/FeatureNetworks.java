package org.acdit4j.evaluators.features;

import org.acdit4j.framework.data.Dataset;

/** Supplies the feature network that measures samples of a dataset. */
public interface FeatureNetworks {

    /** The network for {@code dataset}'s name and geometry; throws {@link IllegalArgumentException} if there is none. */
    FeatureNetwork forDataset(Dataset dataset);
}
