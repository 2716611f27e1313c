package org.acdit4j.model.tokenar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.DiscreteCodes;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.LossyReconstruction;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.TrainStepResult;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.execution.LossAndGradients;
import org.acdit4j.model.core.train.Checkpoint;
import org.acdit4j.model.core.train.LabelDropout;
import org.acdit4j.model.core.train.TrainingState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure-AR baseline as a {@link GenerativeModel}: images become codes through a fixed {@link Tokenizer}, and a
 * decoder-only transformer learns p(code s | class, codes < s) with cross-entropy. One set of weights with its
 * AdamW moments, EMA copy, step counter and host RNG, trained and checkpointed exactly like ACDiT (same AdamW,
 * clipping, schedules, EMA warm-up, checkpoint format); the checkpoint also holds the codebook it was trained on.
 * Its {@link LossyReconstruction} is the tokenizer's encode→decode (the round-trip reference of the FID and
 * class-agreement evaluators), and its {@link DiscreteCodes} the tokenizer's codes, in which the memorisation evaluator
 * finds samples that are a training image's code sequence.
 */
public final class TokenArModel implements GenerativeModel, LossyReconstruction, DiscreteCodes {

    private static final Logger LOG = LoggerFactory.getLogger(TokenArModel.class);

    private final TokenArConfig config;
    private final Tokenizer tokenizer;
    private final TokenArWeights weights;
    private final TokenArNetwork network;
    private final HostRandom random;
    private final TrainingState state;
    private final TokenArFlops flops;

    public TokenArModel(TokenArConfig config, Tokenizer tokenizer, long seed) {
        if (tokenizer.codebook().codes() != config.codes() || tokenizer.length() != config.length()) {
            throw new IllegalArgumentException("a tokenizer of " + tokenizer.codebook().codes() + " codes and "
                    + tokenizer.length() + " patches does not fit model.codes=" + config.codes() + " at "
                    + config.length() + " patches");
        }
        this.config = config;
        this.tokenizer = tokenizer;
        this.random = new HostRandom(seed);
        this.weights = new TokenArWeights(config);
        weights.initialize(random.split());
        this.network = new TokenArNetwork(config, weights);
        this.state = new TrainingState(config.train(), weights.params(), random);
        this.flops = new TokenArFlops(config);
        LOG.info("token-AR {}: {} codes per image from a codebook of {}, {} parameters", config.geometry(),
                config.length(), config.codes(), parameterCount());
    }

    public TokenArConfig config() {
        return config;
    }

    @Override
    public Geometry geometry() {
        return config.geometry();
    }

    @Override
    public void releaseInferenceArrays() {
        network.releaseInferenceArrays();
    }

    @Override
    public TrainStepResult trainStep(ImageBatch batch) {
        int[] labels = LabelDropout.apply(batch.labels(), config.spec().labelDropout(), config.nullLabel(), random);
        return update(tokenizer.encode(batch), labels);
    }

    /** One optimizer step on codes (n, L) flat after class tokens of {@code labels}: gradients, clip, AdamW, EMA. */
    TrainStepResult update(int[] codes, int[] labels) {
        int n = labels.length;
        LossAndGradients lg = network.lossAndGradients(inputsOf(codes, labels), codes, n,
                weights.params().keySet());
        return state.update(lg.gradients(), lg.loss());
    }

    /** Input rows (n, L) flat: each sequence's class token, then its codes but the last (teacher forcing). */
    int[] inputsOf(int[] codes, int[] labels) {
        int l = config.length();
        int[] inputs = new int[codes.length];
        for (int i = 0; i < labels.length; i++) {
            inputs[i * l] = config.classToken(labels[i]);
            System.arraycopy(codes, i * l, inputs, i * l + 1, l - 1);
        }
        return inputs;
    }

    @Override
    public ImageBatch sample(SampleRequest request) {
        TokenSampling sampling = TokenSampling.of(request.sampler());
        config.requireSampleLabels(request.labels());
        int[] codes = state.withWeights(request.ema(), () ->
                sampleCodes(request.labels(), sampling, request.guidance(), request.seed(), request.kvCache()));
        return new ImageBatch(config.geometry(), tokenizer.decode(codes, request.count()), request.labels());
    }

    /** Codes (n, L) flat drawn with the live weights. */
    int[] sampleCodes(int[] labels, TokenSampling sampling, double guidance, long seed, boolean kvCache) {
        return new TokenArSampler(config, network).sample(labels, sampling, guidance, seed, kvCache);
    }

    /**
     * Mean-pooled last-layer hidden states of the L steps of each image's codes after the null class token (the
     * class is not given away); the last code is predicted, not read, so it does not enter the features.
     */
    @Override
    public float[][] encode(ImageBatch images) {
        int n = images.size();
        int[] labels = new int[n];
        Arrays.fill(labels, config.nullLabel());
        INDArray h = network.forwardHidden(inputsOf(tokenizer.encode(images), labels), config.length()); // (n·L, D)
        return h.reshape(n, config.length(), config.width()).mean(1).castTo(DataType.FLOAT).toFloatMatrix(); // (n, D)
    }

    /** The tokenizer's encode→decode ({@link #reconstruct}). */
    @Override
    public Optional<LossyReconstruction> lossyReconstruction() {
        return Optional.of(this);
    }

    /** The tokenizer's codes ({@link #codes}). */
    @Override
    public Optional<DiscreteCodes> discreteCodes() {
        return Optional.of(this);
    }

    /** Every patch replaced by its nearest code's vector: the images the codebook can express closest to these. */
    @Override
    public ImageBatch reconstruct(ImageBatch images) {
        return tokenizer.reconstruct(images);
    }

    /**
     * The tokenizer's codes of {@code images}: (n, L) flat. A sample's codes are the ones it was drawn as, since the
     * nearest code of a code's own vector is that code (or an earlier one with an equal vector, which decodes alike).
     */
    @Override
    public int[] codes(ImageBatch images) {
        return tokenizer.encode(images);
    }

    @Override
    public int codesPerExample() {
        return tokenizer.length();
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
        return flops.samplePerImage(request.guidance(), request.kvCache());
    }

    @Override
    public long step() {
        return state.step();
    }

    @Override
    public void save(Path checkpoint) throws IOException {
        state.save(checkpoint, config.fingerprint(),
                Map.of("codebook", Nd4j.createFromArray(tokenizer.codebook().vectors())));
    }

    /** Restores a state written by {@link #save}; the configuration and the codebook must be this model's. */
    @Override
    public void restore(Path checkpoint) throws IOException {
        Checkpoint c = Checkpoint.read(checkpoint);
        String saved = c.meta().getProperty("config");
        if (!config.fingerprint().equals(saved)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " was written for [" + saved
                    + "], this model is [" + config.fingerprint() + "]");
        }
        INDArray codebook = c.arrays().get("codebook");
        if (codebook == null || !Arrays.equals(codebook.toFloatVector(), tokenizer.codebook().vectors())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " was trained on another codebook than "
                    + "this model's (the codebook file was refitted or replaced); its codes would mean other patches");
        }
        state.restore(c);
    }

    /** Test hook: the network, to compare its graphs directly. */
    TokenArNetwork network() {
        return network;
    }

    /** Test hook: the trained (not the EMA) weights' names. */
    Set<String> parameterNames() {
        return weights.params().keySet();
    }

    /** Test hook: every parameter random and non-zero. */
    void randomizeWeights(long seed, double std) {
        weights.randomize(new HostRandom(seed), std);
    }
}
