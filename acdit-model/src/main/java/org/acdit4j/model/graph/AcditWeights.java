package org.acdit4j.model.graph;

import java.util.Map;
import static org.acdit4j.model.core.graph.TransformerLayerParameters.parameter;

import org.acdit4j.model.AcditConfig;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.NamedParameters;
import org.acdit4j.model.core.graph.TransformerLayerParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every trainable parameter of one ACDiT, in one ordered map. The arrays are owned here and shared by
 * reference with every SameDiff sub-graph (training, clean pass, noised pass), so an optimizer update is
 * seen by all of them. Initialisation lives in {@link #initialize} only.
 */
public final class AcditWeights {

    private final AcditConfig config;
    private final NamedParameters params;

    public AcditWeights(AcditConfig config) {
        this.config = config;
        this.params = new NamedParameters(config.dataType());
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

    /** Test hook: every parameter drawn around its usual scale so adaLN gates and the output are not zero. */
    public void randomize(HostRandom random, double std) {
        params.randomize(random, std);
    }

    /** An independent copy: the same values in new arrays. */
    public AcditWeights copy() {
        AcditWeights copy = new AcditWeights(config);
        copy.params.assignFrom(params);
        return copy;
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
