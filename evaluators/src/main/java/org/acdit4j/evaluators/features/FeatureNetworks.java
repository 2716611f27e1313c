package org.acdit4j.evaluators.features;

import java.util.Optional;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.spec.DataSpec;

/** Supplies the feature network that measures samples of a dataset. */
public interface FeatureNetworks {

    /** The network for {@code dataset}'s identity and geometry; throws {@link IllegalArgumentException} if there is none. */
    FeatureNetwork forDataset(Dataset dataset);

    /** Whether there is a network for the examples {@code datasetIdentity} names, of {@code geometry}, without loading it. */
    boolean has(String datasetIdentity, Geometry geometry);

    /**
     * Why no network can measure the dataset {@code data} selects, with the command that trains one; empty when there
     * is one. The evaluators that use these networks report it at preflight.
     */
    default Optional<String> missingFor(DataSpec data, String datasetIdentity, Geometry geometry) {
        if (has(datasetIdentity, geometry)) {
            return Optional.empty();
        }
        if (!FeatureNetworkGraph.fitsSide(geometry.height()) || geometry.height() != geometry.width()) {
            return Optional.of("feature networks need square images with a side divisible by "
                    + FeatureNetworkGraph.DOWNSAMPLING + ", got data.size=" + data.size());
        }
        return Optional.of("no feature network for " + describe(datasetIdentity, geometry) + "; train one with: "
                + TrainFeatureNetwork.command(data));
    }

    /** {@code <identity> at <C>x<H>x<W>, <classes> classes}, the frames of clips counted as images. */
    static String describe(String datasetIdentity, Geometry geometry) {
        return datasetIdentity + " at " + Geometry.image(geometry.channels(), geometry.height(), geometry.width(),
                geometry.classes());
    }
}
