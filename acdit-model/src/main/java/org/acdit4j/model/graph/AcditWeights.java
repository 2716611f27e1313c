package org.acdit4j.model.graph;

import static org.acdit4j.model.core.graph.TransformerLayerParameters.parameter;

import org.acdit4j.model.AcditConfig;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.ModelWeights;
import org.acdit4j.model.core.graph.TransformerLayerParameters;

/**
 * Every trainable parameter of one ACDiT, shared with each of its SameDiff sub-graphs (training, clean pass, noised
 * pass); the randomize hook leaves no adaLN gate or output at zero.
 */
public final class AcditWeights extends ModelWeights {

    private final AcditConfig config;

    public AcditWeights(AcditConfig config) {
        super(config.dataType());
        this.config = config;
        int d = config.width();
        int p = config.layout().tokenSize();
        params.declare("x_embed_w", p, d);
        params.declare("t_embed_w1", AcditConfig.FREQUENCY_SIZE, d);
        params.declare("t_embed_b1", d);
        params.declare("t_embed_w2", d, d);
        params.declare("t_embed_b2", d);
        params.declare("y_embed_table", config.classes() + 1, d);
        for (int l = 0; l < config.depth(); l++) {
            TransformerLayerParameters.declare(params, l, d, config.headDim(), config.mlpWidth());
            params.declare(parameter(l, "ada_w"), d, 6 * d);
            params.declare(parameter(l, "ada_b"), 6 * d);
        }
        params.declare("final_norm", d);
        params.declare("final_ada_w", d, 2 * d);
        params.declare("final_ada_b", 2 * d);
        params.declare("final_out_w", d, p);
        params.declare("final_out_b", p);
    }

    /** The paper's initialisation: Xavier-uniform linears with zero bias, N(0, 0.02) label table and timestep
     * MLP, ones for RMSNorm gains, zeros for every adaLN output and for the final linear. */
    @Override
    public void initialize(HostRandom random) {
        params.xavier("x_embed_w", random);
        params.normal("t_embed_w1", 0.02, random);
        params.normal("t_embed_w2", 0.02, random);
        params.normal("y_embed_table", 0.02, random);
        for (int l = 0; l < config.depth(); l++) {
            TransformerLayerParameters.initialize(params, l, random);
        }
        params.ones("final_norm");
    }

    /** An independent copy: the same values in new arrays. */
    public AcditWeights copy() {
        AcditWeights copy = new AcditWeights(config);
        copy.params.assignFrom(params);
        return copy;
    }
}
