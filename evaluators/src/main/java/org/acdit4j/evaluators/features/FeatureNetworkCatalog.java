package org.acdit4j.evaluators.features;

import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;

/** The shipped networks ({@link ShippedFeatureNetworks}) first, then those the user trained ({@link TrainedFeatureNetworks}). */
public final class FeatureNetworkCatalog implements FeatureNetworks {

    private final ShippedFeatureNetworks shipped;
    private final TrainedFeatureNetworks trained;

    public FeatureNetworkCatalog(ShippedFeatureNetworks shipped, TrainedFeatureNetworks trained) {
        this.shipped = shipped;
        this.trained = trained;
    }

    @Override
    public FeatureNetwork forDataset(Dataset dataset) {
        return shipped.has(dataset.identity(), dataset.geometry()) ? shipped.forDataset(dataset) : trained.forDataset(dataset);
    }

    @Override
    public boolean has(String datasetIdentity, Geometry geometry) {
        return shipped.has(datasetIdentity, geometry) || trained.has(datasetIdentity, geometry);
    }
}
