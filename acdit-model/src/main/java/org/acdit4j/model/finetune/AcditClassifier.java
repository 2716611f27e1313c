package org.acdit4j.model.finetune;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.model.FineTunedClassifier;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.AcditConfig;
import org.acdit4j.model.core.execution.GradientFunctions;
import org.acdit4j.model.core.execution.PooledSessionMemory;
import org.acdit4j.model.core.graph.ParameterVector;
import org.acdit4j.model.core.train.AdamW;
import org.acdit4j.model.graph.AcditGraph;
import org.acdit4j.model.graph.AcditWeights;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ACDiT's clean stream plus a linear head, fine-tuned as a classifier ({@link AcditGraph#classifier}) on its own
 * copy of the encoder weights. The head starts at zero. Every parameter of the graph (patch embedding, every
 * clean-stream layer, head) is updated by AdamW with global gradient-norm clipping at 1 and a constant learning
 * rate; the noised-stream-only weights (adaLN, timestep and label embeddings, output layer) are not used.
 */
public final class AcditClassifier implements FineTunedClassifier {

    private static final double GRADIENT_CLIP = 1.0;

    private final AcditConfig config;
    private final int classes;
    private final SameDiff graph;
    private final Map<String, INDArray> params = new LinkedHashMap<>();
    /** The optimizer's copy of {@link #params}, written back to them after every step. */
    private final ParameterVector vector;
    private final ParameterVector gradient;
    private final AdamW optimizer;
    private final double learningRate;
    private long step;

    /** {@code encoder} must be a copy owned by this classifier: training updates it in place. */
    public AcditClassifier(AcditConfig config, AcditWeights encoder, int classes, double learningRate,
                           double weightDecay) {
        this.config = config;
        this.classes = classes;
        this.learningRate = learningRate;
        INDArray headWeight = Nd4j.zeros(config.dataType(), config.width(), classes);   // (D, C)
        INDArray headBias = Nd4j.zeros(config.dataType(), classes);                      // (C)
        this.graph = new AcditGraph(config, encoder).classifier(headWeight, headBias);
        for (SDVariable v : graph.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params.put(v.name(), v.getArr());
            }
        }
        TrainSpec adamW = new TrainSection().lr(learningRate).betas(0.9, 0.999).weightDecay(weightDecay)
                .gradClip(GRADIENT_CLIP).build();
        this.vector = ParameterVector.copyOf(params);
        this.gradient = vector.zerosLike();
        this.optimizer = new AdamW(adamW, vector);
        GradientFunctions.ensure(graph);
    }

    @Override
    public double trainStep(ImageBatch batch) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(AcditGraph.TOKENS, tokens(batch));
        feed.put(AcditGraph.CLASS_LABEL, oneHot(batch.labels()));
        PooledSessionMemory.beginCall(graph.getFunction("grad"));
        OutAndGrad result = graph.calculateGradientsAndOutputs(feed, List.of(AcditGraph.LOSS), params.keySet());
        gradient.gather(result.getGradients());                     // a copy: the session reuses its arrays
        double loss = result.getOutputs().get(AcditGraph.LOSS).getDouble(0);
        optimizer.clip(gradient.vector());
        optimizer.apply(vector.vector(), gradient.vector(), learningRate, step);
        vector.scatter(params);
        step++;
        System.gc();                                                 // ND4J frees native buffers only on collection
        return loss;
    }

    @Override
    public int[] predict(ImageBatch images) {
        PooledSessionMemory.beginCall(graph);
        INDArray logits = graph.output(Map.of(AcditGraph.TOKENS, tokens(images)), AcditGraph.LOGITS)
                .get(AcditGraph.LOGITS);                                                 // (n, C)
        return logits.argMax(1).toIntVector();
    }

    /** Patch tokens of every image: (n·L, P). */
    private INDArray tokens(ImageBatch images) {
        float[] tokens = config.layout().patchify(images.pixels(), images.size());
        return Nd4j.createFromArray(tokens).reshape((long) images.size() * config.layout().tokens(),
                config.layout().tokenSize()).castTo(config.dataType());
    }

    /** (n, C) one-hot rows. */
    private INDArray oneHot(int[] labels) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("class label " + labels[i] + " outside 0.." + (classes - 1));
            }
            values[i * classes + labels[i]] = 1f;
        }
        return Nd4j.createFromArray(values).reshape(labels.length, classes).castTo(config.dataType());
    }
}
