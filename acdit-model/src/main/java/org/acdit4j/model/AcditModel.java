package org.acdit4j.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.FineTunable;
import org.acdit4j.framework.model.FineTunedClassifier;
import org.acdit4j.framework.model.FrameRollout;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.TrainStepResult;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.execution.LossAndGradients;
import org.acdit4j.model.core.execution.ParallelLanes;
import org.acdit4j.model.core.graph.SkipCausalMask;
import org.acdit4j.model.core.layout.TokenLayout;
import org.acdit4j.model.core.sample.KvCache;
import org.acdit4j.model.core.train.Checkpoint;
import org.acdit4j.model.core.train.LabelDropout;
import org.acdit4j.model.core.train.TrainingState;
import org.acdit4j.model.diffusion.DiffusionProcess;
import org.acdit4j.model.diffusion.DiffusionSolver;
import org.acdit4j.model.diffusion.LossWeighting;
import org.acdit4j.model.diffusion.NoiseLevel;
import org.acdit4j.model.finetune.AcditClassifier;
import org.acdit4j.model.graph.AcditNetwork;
import org.acdit4j.model.graph.AcditWeights;
import org.acdit4j.model.sample.AcditSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACDiT as a {@link GenerativeModel}: one set of weights with its AdamW moments, EMA copy, step counter and
 * host RNG. A training step noises every block at its own noise level (of the objective's process), feeds the clean
 * and noised copies and the objective's target to the Skip-Causal training graph, and updates on the host (clip,
 * AdamW, EMA).
 */
public final class AcditModel implements GenerativeModel, FineTunable, FrameRollout {

    private static final Logger LOG = LoggerFactory.getLogger(AcditModel.class);

    private final AcditConfig config;
    private final AcditWeights weights;
    private final AcditNetwork network;
    /** The networks of the sampling lanes, the model's own first; it alone until the first sampling call. */
    private List<AcditNetwork> samplingNetworks;
    private ParallelLanes samplingLanes;
    private final DiffusionProcess process;
    private final HostRandom random;
    private final TrainingState state;
    private final AcditFlops flops;
    /** What this model offers evaluators, as its factory declares it for its configuration. */
    private final Set<ModelCapability> capabilities;

    public AcditModel(AcditConfig config, long seed) {
        this.config = config;
        this.capabilities = AcditModelFactory.offeredBy(config.spec(), config.geometry());
        this.random = new HostRandom(seed);
        this.process = config.spec().objective().process();
        this.weights = new AcditWeights(config);
        weights.initialize(random.split());
        this.network = new AcditNetwork(config, weights);
        this.samplingNetworks = List.of(network);
        this.state = new TrainingState(config.train(), weights.params(), random);
        this.flops = new AcditFlops(config);
        LOG.info("ACDiT {}: {} tokens in {} blocks of {}, {} parameters", config.geometry(),
                config.layout().tokens(), config.layout().blocks(), config.layout().blockSize(), parameterCount());
    }

    public static AcditModel create(AcditSpec model, TrainSpec train, Geometry geometry, long seed, DataType type) {
        AcditConfig config = AcditConfig.of(model, train, geometry, type);
        if (config.width() < config.layout().tokenSize()) {
            LOG.warn("model.width={} is smaller than a token's {} values (channels × patch²): the patch embedding "
                    + "cannot pass all of a token's noise, so the noise-prediction loss has a floor and training "
                    + "stalls; use model.width >= {} or a smaller model.patch", config.width(),
                    config.layout().tokenSize(), config.layout().tokenSize());
        }
        return new AcditModel(config, seed);
    }

    public AcditConfig config() {
        return config;
    }

    @Override
    public Geometry geometry() {
        return config.geometry();
    }

    @Override
    public void releaseInferenceArrays() {
        samplingNetworks.forEach(AcditNetwork::releaseInferenceArrays);
    }

    /**
     * A sampler on the run's threads ({@link RunThreads}): the model's network and, on the first call, one more
     * network per further thread over the same weights (each compiles its own passes).
     */
    private AcditSampler sampler() {
        if (samplingLanes == null) {
            int lanes = RunThreads.available();
            List<AcditNetwork> networks = new ArrayList<>(List.of(network));
            while (networks.size() < lanes) {
                networks.add(new AcditNetwork(config, weights));
            }
            samplingNetworks = List.copyOf(networks);
            samplingLanes = new ParallelLanes(lanes);
        }
        return new AcditSampler(config, samplingNetworks, samplingLanes, process);
    }

    @Override
    public TrainStepResult trainStep(ImageBatch batch) {
        return update(trainingInput(batch, true));
    }

    /** One optimizer step on prepared inputs: gradients, clipping, AdamW at the scheduled rate, EMA. */
    TrainStepResult update(AcditNetwork.TrainingInput in) {
        LossAndGradients lg = network.lossAndGradients(in);
        return state.update(lg.gradients(), lg.loss());
    }

    /** Draws per-block noise levels, noise and label dropout for {@code batch} from the model's RNG. */
    AcditNetwork.TrainingInput trainingInput(ImageBatch batch, boolean dropLabels) {
        TokenLayout layout = config.layout();
        int n = batch.size();
        int blocks = layout.blocks();
        int values = layout.blockSize() * layout.tokenSize();
        boolean minSnr = config.spec().lossWeighting() == LossWeighting.MIN_SNR;
        float[] x0 = layout.patchify(batch.pixels(), n);                    // (n, L, P)
        float[] target = new float[x0.length];                               // (n, L, P)
        float[] xt = new float[x0.length];                                   // (n, L, P)
        float[] weight = new float[n * layout.tokens()];                     // (n, L)
        NoiseLevel[][] levels = new NoiseLevel[n][blocks];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < blocks; j++) {
                NoiseLevel level = process.drawTrainingLevel(random);
                levels[i][j] = level;
                int off = (i * blocks + j) * values;
                for (int v = off; v < off + values; v++) {
                    float eps = (float) random.nextGaussian();
                    xt[v] = (float) (level.alpha() * x0[v] + level.sigma() * eps);
                    target[v] = (float) process.target(x0[v], eps, level);
                }
                float w = minSnr ? (float) process.minSnrWeight(level, AcditConfig.MIN_SNR_GAMMA) : 1f;
                java.util.Arrays.fill(weight, (i * blocks + j) * layout.blockSize(), (i * blocks + j + 1) * layout.blockSize(), w);
            }
        }
        int[] labels = dropLabels
                ? LabelDropout.apply(batch.labels(), config.spec().labelDropout(), config.nullLabel(), random)
                : batch.labels().clone();
        float[] context = contextTokens(config.noisyContext() ? xt : x0, n);
        return new AcditNetwork.TrainingInput(n, context, xt, levels, labels, target, weight);
    }

    /** Blocks 0..N-2 of every image: (n, (N-1)·B, P) flat. */
    private float[] contextTokens(float[] tokens, int n) {
        int blocks = config.layout().blocks();
        int values = config.layout().blockSize() * config.layout().tokenSize();
        float[] c = new float[n * (blocks - 1) * values];
        for (int i = 0; i < n; i++) {
            System.arraycopy(tokens, i * blocks * values, c, i * (blocks - 1) * values, (blocks - 1) * values);
        }
        return c;
    }

    @Override
    public ImageBatch sample(SampleRequest request) {
        int steps = DiffusionSampling.of(request.sampler()).steps();
        return draw(request, config.layout(), (sampler, solver) -> sampler.sample(request.labels(), solver,
                steps, request.guidance(), request.seed(), request.kvCache()));
    }

    @Override
    public ImageBatch sampleFrames(SampleRequest request, int frames, int windowFrames) {
        if (config.geometry().frames() < 2) {
            throw new IllegalArgumentException("frame rollouts need a video model (data.frames >= 2), this one has "
                    + config.geometry());
        }
        if (windowFrames < 1 || windowFrames > maxWindowFrames()) {
            throw new IllegalArgumentException("rollout window=" + windowFrames + " frames; allowed: 1.."
                    + maxWindowFrames() + " (trained frames minus frames per block, so RoPE offsets stay trained)");
        }
        if (!request.kvCache()) {
            throw new IllegalArgumentException("frame rollouts run with the KV-cache (sample.kvCache=true)");
        }
        TokenLayout longLayout;
        try {
            longLayout = config.layout().withFrames(frames);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rollout frames=" + frames + " must be a positive multiple of the "
                    + framesPerBlock() + " frame(s) per block");
        }
        int steps = DiffusionSampling.of(request.sampler()).steps();
        return draw(request, longLayout, (sampler, solver) -> sampler.sampleFrames(request.labels(), solver,
                steps, request.guidance(), request.seed(), longLayout, windowFrames));
    }

    @Override
    public Optional<FineTunable> fineTuning() {
        return ModelCapability.FINE_TUNING.offer(capabilities, this);
    }

    @Override
    public Optional<FrameRollout> frameRollout() {
        return ModelCapability.FRAME_ROLLOUT.offer(capabilities, this);
    }

    @Override
    public int maxWindowFrames() {
        return config.geometry().frames() - framesPerBlock();
    }

    /** Frames a block spans, rounded up (a block inside one frame counts as one). */
    private int framesPerBlock() {
        TokenLayout layout = config.layout();
        return (layout.blockSize() + layout.tokensPerFrame() - 1) / layout.tokensPerFrame();
    }

    /** Runs {@code generation} on the requested weights and turns its tokens, laid out by {@code layout}, into pixels. */
    private ImageBatch draw(SampleRequest request, TokenLayout layout,
                            BiFunction<AcditSampler, DiffusionSolver, float[]> generation) {
        DiffusionSolver solver = DiffusionSampling.of(request.sampler()).solver(config.spec().objective(), process);
        config.requireSampleLabels(request.labels());
        float[] tokens = state.withWeights(request.ema(), () -> generation.apply(sampler(), solver));
        float[] pixels = layout.unpatchify(tokens, request.count());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = Math.max(-1f, Math.min(1f, pixels[i]));
        }
        Geometry g = config.geometry();
        Geometry drawn = new Geometry(g.channels(), g.height(), g.width(), layout.frames(), g.classes());
        return new ImageBatch(drawn, pixels, request.labels());
    }

    @Override
    public float[][] encode(ImageBatch images) {
        return encode(images, config.depth() - 1);
    }

    /**
     * Mean-pooled clean-stream features after {@code layer} (0-based): the clean pass over all tokens with
     * the block-causal mask. A model with one block (plain DiT) never trains a clean stream, so its
     * features come from the noised pass at t = 0 with the null label.
     */
    public float[][] encode(ImageBatch images, int layer) {
        int n = images.size();
        int l = config.layout().tokens();
        float[] tokens = config.layout().patchify(images.pixels(), n);
        KvCache none = KvCache.empty(config.depth(), n, config.heads(), config.headDim(), config.dataType());
        INDArray h;                                                          // (n·L, D)
        if (config.layout().blocks() > 1) {
            h = network.cleanPass(tokens, n, 0, l, none, true).hidden().get(layer);
        } else {
            int[] nulls = new int[n];
            java.util.Arrays.fill(nulls, config.nullLabel());
            h = network.noisedHidden(tokens, n, 0, new double[n], nulls, none, layer);
        }
        INDArray pooled = h.reshape(n, l, config.width()).mean(1);           // (n, D)
        return pooled.castTo(DataType.FLOAT).toFloatMatrix();
    }

    /**
     * A classifier on a copy of the current (not the EMA) weights, like {@link #encode}: the clean stream over
     * whole images, mean-pooled after the last layer. A one-block model, which {@code encode} runs through the
     * noised pass, is fine-tuned through the clean stream too (its layers without adaLN modulation).
     */
    @Override
    public FineTunedClassifier classifierCopy(int classes, double learningRate, double weightDecay) {
        return new AcditClassifier(config, weights.copy(), classes, learningRate, weightDecay);
    }

    @Override
    public long parameterCount() {
        return weights.count();
    }

    @Override
    public double trainFlopsPerStep(int batchSize) {
        return flops.trainStep(batchSize);
    }

    @Override
    public double sampleFlopsPerImage(SampleRequest request) {
        DiffusionSampling sampling = DiffusionSampling.of(request.sampler());
        int evaluations = sampling.solver(config.spec().objective(), process).evaluations(sampling.steps());
        return flops.samplePerImage(evaluations, sampling.steps(), request.guidance(), request.kvCache());
    }

    @Override
    public long step() {
        return state.step();
    }

    @Override
    public void save(Path checkpoint) throws IOException {
        state.save(checkpoint, config.fingerprint(), Map.of());
    }

    @Override
    public void restore(Path checkpoint) throws IOException {
        Checkpoint c = Checkpoint.read(checkpoint);
        String saved = c.meta().getProperty("config");
        if (!config.fingerprint().equals(saved)) {
            throw new IllegalArgumentException("its model state was written for [" + saved
                    + "], this model is [" + config.fingerprint() + "]");
        }
        state.restore(c);
    }

    /** Test hook: the network, to compare its sub-graphs directly. */
    AcditNetwork network() {
        return network;
    }

    /** Test hook: every parameter random and non-zero (adaLN and output layers included). */
    void randomizeWeights(long seed, double std) {
        weights.randomize(new HostRandom(seed), std);
    }

    /** The Skip-Causal mask of this model's training sequence. */
    public SkipCausalMask mask() {
        return new SkipCausalMask(config.layout().blocks(), config.layout().blockSize());
    }
}
