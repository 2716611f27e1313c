package org.acdit4j.model.tokenar;

import java.util.Map;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.NamedParameters;
import org.acdit4j.model.core.graph.TransformerLayerParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every trainable parameter of one token-AR model in one ordered map, shared by reference with each of its
 * SameDiff graphs so that an optimizer update is seen by all of them. Initialisation lives in {@link #initialize}.
 */
public final class TokenArWeights {

    private final TokenArConfig config;
    private final NamedParameters params;

    public TokenArWeights(TokenArConfig config) {
        this.config = config;
        this.params = new NamedParameters(config.dataType());
        int d = config.width();
        params.declare("embed", config.vocabulary(), d);
        for (int l = 0; l < config.depth(); l++) {
            TransformerLayerParameters.declare(params, l, d, config.headDim(), config.mlpWidth());
        }
        params.declare("final_norm", d);
        params.declare("head_w", d, config.codes());
        params.declare("head_b", config.codes());
    }

    /**
     * N(0, 0.02) embeddings (codes and class tokens), Xavier-uniform linears with zero biases, N(0, 0.02) output
     * head, ones for every RMSNorm gain.
     */
    public void initialize(HostRandom random) {
        params.normal("embed", 0.02, random);
        for (int l = 0; l < config.depth(); l++) {
            TransformerLayerParameters.initialize(params, l, random);
        }
        params.ones("final_norm");
        params.normal("head_w", 0.02, random);
    }

    /** Test hook: every parameter drawn around its usual scale (gains near 1, the rest near 0, none zero). */
    public void randomize(HostRandom random, double std) {
        params.randomize(random, std);
    }

    public Map<String, INDArray> params() {
        return params.asMap();
    }

    public INDArray get(String name) {
        return params.get(name);
    }

    public long count() {
        return params.count();
    }
}
