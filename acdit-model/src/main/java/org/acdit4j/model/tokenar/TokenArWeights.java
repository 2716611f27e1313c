package org.acdit4j.model.tokenar;

import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.ModelWeights;
import org.acdit4j.model.core.graph.TransformerLayerParameters;

/**
 * Every trainable parameter of one token-AR model: code and class embeddings, the transformer layers, the output
 * head.
 */
public final class TokenArWeights extends ModelWeights {

    private final TokenArConfig config;

    public TokenArWeights(TokenArConfig config) {
        super(config.dataType());
        this.config = config;
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
    @Override
    public void initialize(HostRandom random) {
        params.normal("embed", 0.02, random);
        for (int l = 0; l < config.depth(); l++) {
            TransformerLayerParameters.initialize(params, l, random);
        }
        params.ones("final_norm");
        params.normal("head_w", 0.02, random);
    }
}
