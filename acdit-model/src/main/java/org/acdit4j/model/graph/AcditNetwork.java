package org.acdit4j.model.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.AcditConfig;
import org.acdit4j.model.core.execution.FeedArrays;
import org.acdit4j.model.core.execution.GraphExecution;
import org.acdit4j.model.core.execution.GraphPass;
import org.acdit4j.model.core.execution.LossAndGradients;
import org.acdit4j.model.core.execution.MallocTrim;
import org.acdit4j.model.core.execution.MicroBatchGradient;
import org.acdit4j.model.core.execution.PooledSessionMemory;
import org.acdit4j.model.core.execution.TrainingGraph;
import org.acdit4j.model.core.graph.KvCacheNames;
import org.acdit4j.model.core.graph.RopeNd;
import org.acdit4j.model.core.graph.SkipCausalMask;
import org.acdit4j.model.core.sample.KvCache;
import org.acdit4j.model.diffusion.NoiseLevel;
import org.acdit4j.model.diffusion.TimestepFeatures;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Host-side entry points to the ACDiT sub-graphs, which are built lazily and share the weight arrays:
 * the training loss and its gradients, the training-graph prediction, the clean pass (K/V for a cache)
 * and the noised pass (the prediction for one block given a cache). Inputs and outputs are flat float arrays in
 * (image, token, value) order. The sampling passes and the training gradient run compiled ({@link CompiledGraph},
 * {@link CompiledGradient}) unless built with {@link GraphExecution#SAMEDIFF}; the loss and prediction alone (tests,
 * diagnostics) go through SameDiff's session.
 */
public final class AcditNetwork {

    static final int CLEAN_PASSES_KEPT = 4;

    private final AcditConfig config;
    private final AcditWeights weights;
    private final AcditGraph graph;
    private final GraphExecution execution;
    /**
     * Clean-pass graphs by query length and whether they attend a context ("16/context"), the least recently used dropped beyond {@link #CLEAN_PASSES_KEPT}:
     * sampling without the cache runs a new prefix length every block, and each pass holds its intermediate
     * arrays (at 1,024 tokens and AR length 64 keeping all of them was killed by the kernel for memory).
     */
    private final Map<String, GraphPass> cleanPasses = new LinkedHashMap<>(16, 0.75f, true);
    /** Training-graph RoPE tables by placeholder and batch size ("rope_cos_clean/64"). */
    private final Map<String, INDArray> ropeTables = new HashMap<>();
    /** Noised-pass graphs by the number of query groups sharing one image's context (2 with CFG). */
    private final Map<Integer, SameDiff> noisedPasses = new HashMap<>();
    /** The noised pass prepared for one output, by query groups and output ("2/prediction"). */
    private final Map<String, GraphPass> noisedPassesByOutput = new HashMap<>();
    /** {@link AcditGraph#HEAD_MASK} of the noised pass by groups and context length ("2/63"). */
    private final Map<String, INDArray> noisedMasks = new HashMap<>();
    /** The condition pass ({@link AcditGraph#conditionPass}), built on the first {@link #condition} call. */
    private GraphPass conditionPass;
    private final TrainingGraph training;

    public AcditNetwork(AcditConfig config, AcditWeights weights) {
        this(config, weights, GraphExecution.COMPILED);
    }

    /** With the sampling passes (clean and noised) run as {@code execution} says; the others always through SameDiff. */
    public AcditNetwork(AcditConfig config, AcditWeights weights, GraphExecution execution) {
        this.config = config;
        this.weights = weights;
        this.execution = execution;
        this.graph = new AcditGraph(config, weights);
        this.training = new TrainingGraph(graph::training, AcditGraph.LOSS, execution);
    }

    public AcditWeights weights() {
        return weights;
    }

    /** The rotary embedding of the trained layout. */
    public RopeNd rope() {
        return graph.rope();
    }

    /**
     * Inputs of one training-graph call. Arrays are (image, token, value) flat; noise levels (n, N), one per block,
     * whose model times the timestep features see; the target is the objective's (ε, v or velocity).
     */
    public record TrainingInput(int images, float[] clean, float[] noised, NoiseLevel[][] levels, int[] labels,
                                float[] target, float[] tokenWeights) {

        /** {@code count} equal parts by image, in order ({@code train.microBatches}). */
        public List<TrainingInput> split(int count) {
            if (count < 1 || images % count != 0) {
                throw new IllegalArgumentException("train.microBatches must divide the batch of " + images
                        + " images, got " + count);
            }
            if (count == 1) {
                return List.of(this);
            }
            int part = images / count;
            List<TrainingInput> parts = new ArrayList<>();
            for (int first = 0; first < images; first += part) {
                int end = first + part;
                parts.add(new TrainingInput(part, imageRange(clean, first, end), imageRange(noised, first, end),
                        Arrays.copyOfRange(levels, first, end), Arrays.copyOfRange(labels, first, end),
                        imageRange(target, first, end), imageRange(tokenWeights, first, end)));
            }
            return parts;
        }

        /** Images {@code first..end-1} of an array laid out image by image. */
        private float[] imageRange(float[] values, int first, int end) {
            int perImage = values.length / images;
            return Arrays.copyOfRange(values, first * perImage, end * perImage);
        }
    }

    /**
     * The loss and gradients of one batch: the mean over {@code train.microBatches} equal parts, run side by side on
     * up to {@link RunThreads#available} threads when compiled ({@link MicroBatchGradient}), one after the other
     * through SameDiff's session otherwise.
     */
    public LossAndGradients lossAndGradients(TrainingInput in) {
        List<Map<String, INDArray>> feeds = in.split(config.train().microBatches()).stream().map(this::trainingFeed)
                .toList();
        try {
            return training.lossAndGradients(feeds, weights.params().keySet());
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

    public double loss(TrainingInput in) {
        PooledSessionMemory.beginCall(training());
        return training().output(trainingFeed(in), AcditGraph.LOSS).get(AcditGraph.LOSS).getDouble(0);
    }

    /** The training graph's prediction (ε, v or velocity) for every noised token: (n, L, P) flat. */
    public float[] trainingPrediction(TrainingInput in) {
        PooledSessionMemory.beginCall(training());
        return training().output(trainingFeed(in), AcditGraph.PREDICTION).get(AcditGraph.PREDICTION)
                .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat();
    }

    /** Per-layer K/V and hidden states of clean tokens {@code first..first+lq-1} given a context. */
    public record CleanOutput(List<INDArray> keys, List<INDArray> values, List<INDArray> hidden) {
    }

    /**
     * Runs the clean pass over {@code lq} clean tokens per image starting at sequence position {@code first}.
     * With {@code blockCausal} the tokens attend each other block-causally (prefix recomputation);
     * otherwise all of them (one block) see each other. The context is visible to every token.
     */
    public CleanOutput cleanPass(float[] tokens, int images, int first, int lq, KvCache context, boolean blockCausal) {
        return cleanPass(graph.rope(), tokens, images, first, lq, context, blockCausal);
    }

    /** As {@link #cleanPass(float[], int, int, int, KvCache, boolean)} with the token positions of {@code positions}. */
    public CleanOutput cleanPass(RopeNd positions, float[] tokens, int images, int first, int lq, KvCache context,
                                 boolean blockCausal) {
        boolean withContext = context.length() > 0;
        GraphPass pass = cleanPass(lq, withContext);
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(AcditGraph.TOKENS, rows(tokens, images * lq));
        feed.put(AcditGraph.COS, graph.ropeTable(positions, true, first, first + lq));
        feed.put(AcditGraph.SIN, graph.ropeTable(positions, false, first, first + lq));
        int lctx = (int) context.length();
        double[][] mask = new double[lq][lctx + lq];
        if (blockCausal) {
            double[][] causal = SkipCausalMask.blockCausal(lq, config.layout().blockSize());
            for (int q = 0; q < lq; q++) {
                System.arraycopy(causal[q], 0, mask[q], lctx, lq);
            }
        }
        if (withContext) {
            putMask(feed, mask);
            putContext(feed, context);
        } else {
            feed.put(AcditGraph.MASK, Nd4j.create(mask).castTo(config.dataType()));
        }
        Map<String, INDArray> out = withContext ? pass.output(feed)
                : pass.outputOnce(feed);        // a prefix pass: its length comes back once per block at most
        List<INDArray> k = new ArrayList<>();
        List<INDArray> v = new ArrayList<>();
        List<INDArray> h = new ArrayList<>();
        for (int l = 0; l < config.depth(); l++) {
            k.add(out.get(KvCacheNames.key(l)));
            v.add(out.get(KvCacheNames.value(l)));
            h.add(out.get(AcditGraph.hidden(l)));
        }
        return new CleanOutput(k, v, h);
    }

    private GraphPass cleanPass(int lq, boolean withContext) {
        String key = lq + (withContext ? "/context" : "");
        GraphPass pass = cleanPasses.get(key);
        if (pass == null) {
            pass = execution.prepare(graph.cleanPass(lq, withContext), cleanPassOutputs());
            cleanPasses.put(key, pass);
            if (cleanPasses.size() > CLEAN_PASSES_KEPT) {
                String eldest = cleanPasses.keySet().iterator().next();
                cleanPasses.remove(eldest).releaseArrays();
                System.gc();                                    // its graph's native arrays go only with their owners
            }
        }
        return pass;
    }

    /** Per layer: K, V and the hidden state of the clean tokens. */
    private List<String> cleanPassOutputs() {
        List<String> outputs = new ArrayList<>();
        for (int l = 0; l < config.depth(); l++) {
            outputs.add(KvCacheNames.key(l));
            outputs.add(KvCacheNames.value(l));
            outputs.add(AcditGraph.hidden(l));
        }
        return outputs;
    }

    /**
     * Frees the arrays the clean, noised and condition passes keep between calls (the passes stay prepared) and
     * returns the freed pages to the system ({@link MallocTrim}).
     */
    public void releaseInferenceArrays() {
        cleanPasses.values().forEach(GraphPass::releaseArrays);
        noisedPassesByOutput.values().forEach(GraphPass::releaseArrays);
        if (conditionPass != null) {
            conditionPass.releaseArrays();
        }
        MallocTrim.trim();
    }

    /** Number of clean-pass graphs held now (at most {@link #CLEAN_PASSES_KEPT}). */
    public int cleanPassesHeld() {
        return cleanPasses.size();
    }

    /**
     * The adaLN-Zero modulation vectors of every noised layer for {@code groups} query groups, by the noised pass's
     * placeholder names. They depend on the timestep and label only, so a sampler computes them once per solver step
     * and every block reuses them.
     */
    public record NoisedCondition(int groups, Map<String, INDArray> modulations) {
    }

    /** The noised pass's condition for timesteps {@code t} and {@code labels}, one of each per query group. */
    public NoisedCondition condition(double[] t, int[] labels) {
        if (t.length != labels.length) {
            throw new IllegalArgumentException(t.length + " timesteps for " + labels.length + " labels");
        }
        if (conditionPass == null) {
            conditionPass = execution.prepare(graph.conditionPass(), graph.conditionOutputs());
        }
        int groups = t.length;
        float[] freq = new float[groups * AcditConfig.FREQUENCY_SIZE];
        for (int i = 0; i < groups; i++) {
            writeFeatures(t[i], freq, i, 1);
        }
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(AcditGraph.TFREQ, matrix(freq, groups, AcditConfig.FREQUENCY_SIZE));
        feed.put(AcditGraph.LABEL, oneHot(labels));
        return new NoisedCondition(groups, conditionPass.output(feed));
    }

    /**
     * The prediction (ε, v or velocity) for noised block {@code block} of each query group at model times {@code t}
     * (one per group): (groups, B, P) flat. {@code context} holds K/V for {@code images / G} images; the G
     * consecutive groups of each image (the conditional and unconditional halves of classifier-free guidance,
     * G = 2) share its context, so it is never copied per half.
     */
    public float[] noisedPass(float[] tokens, int images, int block, double[] t, int[] labels, KvCache context) {
        return noisedPass(graph.rope(), tokens, block, condition(groupsOf(images, t), labels), context);
    }

    /**
     * As {@link #noisedPass(float[], int, int, double[], int[], KvCache)} with the token positions of
     * {@code positions} and the timesteps and labels of {@code condition} (which gives the number of query groups).
     */
    public float[] noisedPass(RopeNd positions, float[] tokens, int block, NoisedCondition condition,
                              KvCache context) {
        return noisedOutputs(positions, tokens, block, condition, context, AcditGraph.PREDICTION)
                .get(AcditGraph.PREDICTION).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat();
    }

    /** Noised-pass hidden state after {@code layer}: (n·B, D). */
    public INDArray noisedHidden(float[] tokens, int images, int block, double[] t, int[] labels, KvCache context,
                                 int layer) {
        String name = AcditGraph.hidden(layer);
        return noisedOutputs(graph.rope(), tokens, block, condition(groupsOf(images, t), labels), context, name)
                .get(name);
    }

    /** {@code t}, checked to hold one timestep for each of {@code groups} query groups. */
    private static double[] groupsOf(int groups, double[] t) {
        if (t.length != groups) {
            throw new IllegalArgumentException(t.length + " timesteps for " + groups + " query groups");
        }
        return t;
    }

    private Map<String, INDArray> noisedOutputs(RopeNd positions, float[] tokens, int block, NoisedCondition condition,
                                                KvCache context, String output) {
        int groups = condition.groups();
        long contextImages = context.images();
        if (contextImages == 0 || groups % contextImages != 0) {
            throw new IllegalArgumentException(groups + " query groups do not share a context of " + contextImages
                    + " images evenly; see contextForGroups");
        }
        int perImage = (int) (groups / contextImages);
        GraphPass pass = noisedPassesByOutput.computeIfAbsent(perImage + "/" + output, key ->
                execution.prepare(noisedPasses.computeIfAbsent(perImage, graph::noisedPass), List.of(output)));
        int b = config.layout().blockSize();
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(AcditGraph.TOKENS, rows(tokens, groups * b));
        feed.put(AcditGraph.COS, graph.ropeTable(positions, true, block * b, (block + 1) * b));
        feed.put(AcditGraph.SIN, graph.ropeTable(positions, false, block * b, (block + 1) * b));
        feed.putAll(condition.modulations());
        int lctx = (int) context.length();
        if (graph.foldsHeads()) {
            feed.put(AcditGraph.HEAD_MASK, noisedMasks.computeIfAbsent(perImage + "/" + lctx,
                    key -> perHead(groupMask(perImage, b, lctx))));
        }
        putContext(feed, context);
        return pass.output(feed);
    }

    /**
     * The noised pass's additive mask for {@code groups} blocks of B query tokens sharing one context of
     * {@code lctx} tokens: every query sees the whole context and its own group's block, not the other groups'
     * blocks. (G·B, Lctx + G·B).
     */
    private static double[][] groupMask(int groups, int b, int lctx) {
        int queries = groups * b;
        double[][] mask = new double[queries][lctx + queries];
        for (int q = 0; q < queries; q++) {
            for (int k = 0; k < queries; k++) {
                if (q / b != k / b) {
                    mask[q][lctx + k] = SkipCausalMask.BLOCKED;
                }
            }
        }
        return mask;
    }

    /**
     * The context to pass to {@link #noisedPass} for {@code groups} consecutive query groups per image of
     * {@code cache}: the cache itself when the sampling passes fold heads (the groups share it), else each
     * image's K/V repeated for its groups. Call once per block, not per solver step.
     */
    public KvCache contextForGroups(KvCache cache, int groups) {
        return graph.foldsHeads() ? cache : cache.repeatedPerImage(groups);
    }

    private void putMask(Map<String, INDArray> feed, double[][] mask) {
        if (graph.foldsHeads()) {
            feed.put(AcditGraph.HEAD_MASK, perHead(mask));
        } else {
            feed.put(AcditGraph.MASK, Nd4j.create(mask).castTo(config.dataType()));
        }
    }

    /** A (Q, Lk) mask with each row repeated once per head, as the sampling passes take it: (Q·H, Lk). */
    private INDArray perHead(double[][] mask) {
        int heads = config.heads();
        int lk = mask.length == 0 ? 0 : mask[0].length;
        float[] values = new float[mask.length * heads * lk];
        for (int q = 0; q < mask.length; q++) {
            for (int h = 0; h < heads; h++) {
                for (int k = 0; k < lk; k++) {
                    values[(q * heads + h) * lk + k] = (float) mask[q][k];
                }
            }
        }
        return Nd4j.createFromArray(values).reshape(mask.length * heads, lk).castTo(config.dataType());
    }

    private Map<String, INDArray> trainingFeed(TrainingInput in) {
        int n = in.images();
        int blocks = config.layout().blocks();
        int b = config.layout().blockSize();
        Map<String, INDArray> feed = new HashMap<>();
        if (blocks > 1) {
            feed.put(AcditGraph.CLEAN, rows(in.clean(), n * (blocks - 1) * b));
        }
        feed.put(AcditGraph.TOKENS, rows(in.noised(), n * blocks * b));
        feed.put(AcditGraph.TARGET, rows(in.target(), n * blocks * b));
        feed.put(AcditGraph.LOSS_WEIGHT, FeedArrays.of(in.tokenWeights(), config.dataType(), n * blocks * b, 1));
        int ln = blocks * b;
        float[] freq = new float[n * ln * AcditConfig.FREQUENCY_SIZE];              // one row per noised token
        int[] tokenLabels = new int[n * ln];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < blocks; j++) {
                int row = (i * blocks + j) * b;
                writeFeatures(in.levels()[i][j].modelTime(), freq, row, b);
                Arrays.fill(tokenLabels, row, row + b, in.labels()[i]);
            }
        }
        feed.put(AcditGraph.TFREQ, matrix(freq, n * ln, AcditConfig.FREQUENCY_SIZE));
        feed.put(AcditGraph.LABEL, oneHot(tokenLabels));
        int lc = (blocks - 1) * b;
        putTrainingRope(feed, AcditGraph.COS_NOISED, true, ln, n);
        putTrainingRope(feed, AcditGraph.SIN_NOISED, false, ln, n);
        if (lc > 0) {
            putTrainingRope(feed, AcditGraph.COS_CLEAN, true, lc, n);
            putTrainingRope(feed, AcditGraph.SIN_CLEAN, false, lc, n);
        }
        return feed;
    }

    /** Clean and noised copies both start at sequence position 0 (shared positions). */
    private void putTrainingRope(Map<String, INDArray> feed, String placeholder, boolean cos, int tokens, int images) {
        feed.put(placeholder, ropeTables.computeIfAbsent(placeholder + "/" + images,
                key -> graph.trainingRopeTable(cos, 0, tokens, images)));
    }

    /** The training graph (built on first use). */
    public SameDiff training() {
        return training.sameDiff();
    }

    /** The context's K/V per layer; an empty context in the layout of the sampling passes ({@link AcditGraph#foldsHeads}). */
    private void putContext(Map<String, INDArray> feed, KvCache context) {
        long n = context.images();
        INDArray none = graph.foldsHeads()
                ? Nd4j.create(config.dataType(), n, 0, config.width())                     // (n, 0, D)
                : Nd4j.create(config.dataType(), n, config.heads(), 0, config.headDim());  // (n, H, 0, hd)
        boolean empty = context.length() == 0;
        for (int l = 0; l < config.depth(); l++) {
            feed.put(KvCacheNames.contextKey(l), empty ? none : context.key(l));
            feed.put(KvCacheNames.contextValue(l), empty ? none : context.value(l));
        }
    }

    private INDArray rows(float[] values, int rows) {
        return FeedArrays.of(values, config.dataType(), rows, config.layout().tokenSize());
    }

    private INDArray matrix(float[] values, int rows, int cols) {
        return FeedArrays.of(values, config.dataType(), rows, cols);
    }

    /**
     * The timestep features of model time {@code t} (computed in double, stored as float as a cast would) in rows
     * {@code first..first+count-1} of {@code freq}, rows of {@link AcditConfig#FREQUENCY_SIZE}.
     */
    private static void writeFeatures(double t, float[] freq, int first, int count) {
        double[] features = new double[AcditConfig.FREQUENCY_SIZE];
        TimestepFeatures.write(t, AcditConfig.FREQUENCY_SIZE, features, 0);
        for (int row = first; row < first + count; row++) {
            int offset = row * AcditConfig.FREQUENCY_SIZE;
            for (int k = 0; k < features.length; k++) {
                freq[offset + k] = (float) features[k];
            }
        }
    }

    private INDArray oneHot(int[] labels) {
        int width = config.classes() + 1;
        float[] v = new float[labels.length * width];
        for (int i = 0; i < labels.length; i++) {
            v[i * width + labels[i]] = 1f;
        }
        return matrix(v, labels.length, width);
    }
}
