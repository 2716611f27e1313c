package org.acdit4j.evaluators.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.evaluators.NamedEvaluator;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.framework.spec.MetricName;

/**
 * An evaluator that measures with the feature network of the evaluated dataset: it is refused at preflight when there
 * is no such network ({@link FeatureNetworks#missingFor}), and every result it reports carries the network's
 * fingerprint as the tag {@code <name>.featureNetwork}, so that metrics of different networks are never compared.
 * A subclass keeps only what it measures.
 */
public abstract class FeatureNetworkEvaluator extends NamedEvaluator {

    private final FeatureNetworks networks;

    /**
     * @param name     the registered name, the prefix of every metric and tag key
     * @param metrics  what {@link #evaluate} writes
     * @param required what the model must offer
     * @param networks where the network of a dataset comes from
     */
    protected FeatureNetworkEvaluator(String name, List<MetricName> metrics, ModelCapability required,
                                      FeatureNetworks networks) {
        super(name, metrics, required);
        this.networks = networks;
    }

    @Override
    public final Optional<String> cannotMeasure(DataSpec data, String datasetIdentity, Geometry geometry) {
        return networks.missingFor(data, datasetIdentity, geometry);
    }

    /** The network for the context's dataset; throws {@link IllegalArgumentException} if there is none. */
    protected final FeatureNetwork network(EvaluationContext context) {
        return networks.forDataset(context.dataset());
    }

    /** {@code metrics} measured with {@code network}, tagged with its fingerprint. */
    protected final EvaluationResult result(Map<String, Double> metrics, FeatureNetwork network) {
        return result(metrics, network, Map.of());
    }

    /** {@code metrics} measured with {@code network}, tagged with its fingerprint and {@code otherTags}. */
    protected final EvaluationResult result(Map<String, Double> metrics, FeatureNetwork network,
                                            Map<String, String> otherTags) {
        Map<String, String> tags = new HashMap<>(otherTags);
        tags.put(name() + ".featureNetwork", network.fingerprint());
        return new EvaluationResult(metrics, tags, List.of());
    }
}
