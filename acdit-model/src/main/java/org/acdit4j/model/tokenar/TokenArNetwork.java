package org.acdit4j.model.tokenar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.core.execution.FeedArrays;
import org.acdit4j.model.core.execution.GraphExecution;
import org.acdit4j.model.core.execution.GraphPass;
import org.acdit4j.model.core.execution.LossAndGradients;
import org.acdit4j.model.core.execution.MallocTrim;
import org.acdit4j.model.core.execution.MicroBatchGradient;
import org.acdit4j.model.core.execution.PooledSessionMemory;
import org.acdit4j.model.core.execution.TrainingGraph;
import org.acdit4j.model.core.graph.KvCacheNames;
import org.acdit4j.model.core.sample.KvCache;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Host-side entry points to the token-AR graphs (built lazily, sharing the weight arrays): the training loss and
 * its gradients, the logits of the training and no-cache graphs, and one cached step. Inputs are vocabulary rows
 * ({@link TokenArConfig#vocabulary}) in (sequence, step) order; logits come back as (rows, K) flat floats. The
 * no-cache and step passes and the training gradient run compiled ({@code CompiledGraph}, {@code CompiledGradient}),
 * the training logits through SameDiff's session.
 */
public final class TokenArNetwork {

    private final TokenArConfig config;
    private final TokenArGraph graph;
    private final GraphExecution execution;
    /** No-cache graphs by prefix length: the no-cache sampler runs every length from 1 to L once per call. */
    private final Map<Integer, SameDiff> forwards = new HashMap<>();
    /** The no-cache graphs prepared for one output, by prefix length and output ("16/logits"). */
    private final Map<String, GraphPass> forwardPassesByOutput = new HashMap<>();
    /** Training-graph RoPE tables by placeholder and sequence count ("rope_cos/64"). */
    private final Map<String, INDArray> ropeTables = new HashMap<>();
    private final TrainingGraph training;
    private GraphPass step;

    public TokenArNetwork(TokenArConfig config, TokenArWeights weights) {
        this(config, new TokenArGraph(config, weights), GraphExecution.COMPILED);
    }

    private TokenArNetwork(TokenArConfig config, TokenArGraph graph, GraphExecution execution) {
        this.config = config;
        this.graph = graph;
        this.execution = execution;
        this.training = new TrainingGraph(graph::training, TokenArGraph.LOSS, execution);
    }

    /** The same weights with the no-cache and step passes run as {@code execution} says (tests compare the two). */
    TokenArNetwork withExecution(GraphExecution execution) {
        return new TokenArNetwork(config, graph, execution);
    }

    /**
     * Frees the arrays the no-cache and step passes keep between calls (the passes stay prepared) and returns the
     * freed pages to the system ({@link MallocTrim}).
     */
    public void releaseInferenceArrays() {
        forwardPassesByOutput.values().forEach(GraphPass::releaseArrays);
        if (step != null) {
            step.releaseArrays();
        }
        MallocTrim.trim();
    }

    /** Logits (n, K) flat of one cached step and that step's K/V per layer, (n, 1, D) each. */
    public record StepOutput(float[] logits, List<INDArray> keys, List<INDArray> values) {
    }

    /**
     * Cross-entropy of {@code targets} (n·L codes) after {@code inputs} (n·L rows) and every gradient: the mean over
     * {@code train.microBatches} equal parts by sequence, side by side on up to {@link RunThreads#available} threads
     * when compiled ({@link MicroBatchGradient}), one after the other through SameDiff's session otherwise.
     */
    public LossAndGradients lossAndGradients(int[] inputs, int[] targets, int sequences, Iterable<String> params) {
        int parts = config.train().microBatches();
        if (parts < 1 || sequences % parts != 0) {
            throw new IllegalArgumentException("train.microBatches must divide the batch of " + sequences
                    + " sequences, got " + parts);
        }
        int rows = inputs.length / parts;
        List<Map<String, INDArray>> feeds = new ArrayList<>();
        for (int first = 0; first < inputs.length; first += rows) {
            feeds.add(trainingFeed(Arrays.copyOfRange(inputs, first, first + rows),
                    Arrays.copyOfRange(targets, first, first + rows), sequences / parts));
        }
        Set<String> parameters = new LinkedHashSet<>();
        params.forEach(parameters::add);
        try {
            return training.lossAndGradients(feeds, parameters);
        } finally {
            FeedArrays.free(feeds, ropeTables.values());
        }
    }

    /**
     * Threads the training gradient runs on: 1 until the first step, then its micro-batch lanes times each lane's
     * threads.
     */
    public int trainingThreads() {
        return training.threads();
    }

    /** The training graph's logits of all L steps: (n·L, K) flat. */
    public float[] trainingLogits(int[] inputs, int sequences) {
        SameDiff sd = training();
        PooledSessionMemory.beginCall(sd);
        Map<String, INDArray> feed = trainingFeed(inputs, new int[inputs.length], sequences);
        return floats(sd.output(feed, TokenArGraph.LOGITS).get(TokenArGraph.LOGITS));
    }

    /** Logits of the first {@code steps} steps of each sequence without a cache: (n·steps, K) flat. */
    public float[] forwardLogits(int[] inputs, int steps) {
        return floats(forward(inputs, steps, TokenArGraph.LOGITS));
    }

    /** The last layer's hidden state of the first {@code steps} steps: (n·steps, D). */
    public INDArray forwardHidden(int[] inputs, int steps) {
        return forward(inputs, steps, TokenArGraph.HIDDEN);
    }

    private INDArray forward(int[] inputs, int steps, String output) {
        GraphPass pass = forwardPassesByOutput.computeIfAbsent(steps + "/" + output,
                key -> execution.prepare(forwards.computeIfAbsent(steps, graph::forward), List.of(output)));
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(TokenArGraph.INPUT, oneHot(inputs, config.vocabulary()));
        feed.put(TokenArGraph.COS, graph.ropeTable(true, 0, steps));
        feed.put(TokenArGraph.SIN, graph.ropeTable(false, 0, steps));
        return pass.outputOnce(feed).get(output);   // every prefix length runs once per sampling call
    }

    /** Step {@code position} of every sequence (one input row each) attending {@code context} (n sequences). */
    public StepOutput step(int[] inputs, int position, KvCache context) {
        if (step == null) {
            step = execution.prepare(graph.step(), stepOutputs());
        }
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(TokenArGraph.INPUT, oneHot(inputs, config.vocabulary()));
        feed.put(TokenArGraph.COS, graph.ropeTable(true, position, position + 1));
        feed.put(TokenArGraph.SIN, graph.ropeTable(false, position, position + 1));
        for (int l = 0; l < config.depth(); l++) {
            feed.put(KvCacheNames.contextKey(l), context.key(l));
            feed.put(KvCacheNames.contextValue(l), context.value(l));
        }
        Map<String, INDArray> out = step.output(feed);
        List<INDArray> keys = new ArrayList<>();
        List<INDArray> values = new ArrayList<>();
        for (int l = 0; l < config.depth(); l++) {
            keys.add(out.get(KvCacheNames.key(l)));
            values.add(out.get(KvCacheNames.value(l)));
        }
        return new StepOutput(floats(out.get(TokenArGraph.LOGITS)), keys, values);
    }

    /** The step pass's outputs: the logits, then K and V of every layer. */
    private List<String> stepOutputs() {
        List<String> outputs = new ArrayList<>(List.of(TokenArGraph.LOGITS));
        for (int l = 0; l < config.depth(); l++) {
            outputs.add(KvCacheNames.key(l));
            outputs.add(KvCacheNames.value(l));
        }
        return outputs;
    }

    /** An empty cache for {@code sequences} sequences in the step pass's layout. */
    public KvCache emptyCache(int sequences) {
        return KvCache.empty(config.depth(), sequences, config.heads(), config.headDim(), config.dataType());
    }

    private Map<String, INDArray> trainingFeed(int[] inputs, int[] targets, int sequences) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(TokenArGraph.INPUT, oneHot(inputs, config.vocabulary()));
        feed.put(TokenArGraph.TARGET, oneHot(targets, config.codes()));
        feed.put(TokenArGraph.COS, ropeTables.computeIfAbsent(TokenArGraph.COS + "/" + sequences,
                key -> graph.trainingRopeTable(true, sequences)));
        feed.put(TokenArGraph.SIN, ropeTables.computeIfAbsent(TokenArGraph.SIN + "/" + sequences,
                key -> graph.trainingRopeTable(false, sequences)));
        return feed;
    }

    /** The training graph (built on first use). */
    SameDiff training() {
        return training.sameDiff();
    }

    private INDArray oneHot(int[] indices, int width) {
        float[] v = new float[indices.length * width];
        for (int i = 0; i < indices.length; i++) {
            v[i * width + indices[i]] = 1f;
        }
        return FeedArrays.of(v, config.dataType(), indices.length, width);
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).data().asFloat();
    }
}
