package org.acdit4j.model.sample;

import java.util.Arrays;
import java.util.List;
import org.acdit4j.model.AcditConfig;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.execution.ParallelLanes;
import org.acdit4j.model.core.graph.RopeNd;
import org.acdit4j.model.core.layout.TokenLayout;
import org.acdit4j.model.core.sample.KvCache;
import org.acdit4j.model.diffusion.DiffusionProcess;
import org.acdit4j.model.diffusion.DiffusionSolver;
import org.acdit4j.model.diffusion.NoiseLevel;
import org.acdit4j.model.graph.AcditNetwork;

/**
 * Block-by-block generation: for block i the solver starts from Gaussian noise and denoises it while
 * attending the clean blocks before it; the finished block becomes context. With the KV-cache each
 * finished block goes through the clean pass once and its per-layer K/V are appended; without it the
 * whole clean prefix is recomputed at every solver step (same result, more work). All images of a request,
 * and both halves of classifier-free guidance, go through the graph in one call per network evaluation (one per
 * step, two for Heun); the two halves of an image are adjacent rows (conditional, then unconditional) and share the
 * image's context: clean tokens ignore label and timestep, so one {@link KvCache} serves both halves
 * ({@link AcditNetwork#contextForGroups}).
 *
 * <p>The solver reads the network's prediction through the objective's {@link DiffusionProcess}; guidance combines
 * the raw predictions (ε, v or velocity), which every objective turns into x̂₀ and ε̂ affinely, so it is the same
 * combination of either estimate.
 *
 * <p>Noisy-context models (ablation) see each finished block re-noised at a noise level drawn as in training.
 *
 * <p>With several lanes ({@link ParallelLanes}, one network each, sharing the weights) the images split into
 * contiguous parts, generated side by side; every image keeps the noise it has with one lane, since all of it is
 * drawn first. A part must hold {@link #MIN_LANE_WORK} of work (images × tokens × width² × depth), since smaller
 * ones do not pay for their lane: 32 images of the experiments' 16-token width-64 model sampled no faster on two
 * lanes than on one, 32 of the 64-token width-128 reference model 1.3–1.9× faster (docs/PERFORMANCE.md,
 * thirteenth round). A noisy-context model draws its re-noising image by image as it goes, so it runs in one lane.
 */
public final class AcditSampler {

    /**
     * Least images × tokens × width² × depth one sampling lane's part has by default (between the two models
     * measured); {@code -Dacdit.samplingLaneWork=W} sets another (0: every call splits over all lanes).
     */
    public static final double MIN_LANE_WORK = 32e6;
    /** The system property that overrides {@link #MIN_LANE_WORK}. */
    public static final String LANE_WORK_PROPERTY = "acdit.samplingLaneWork";

    private final AcditConfig config;
    /** One network per lane; the first also gives the positions. */
    private final List<AcditNetwork> networks;
    private final ParallelLanes lanes;
    private final DiffusionProcess process;

    public AcditSampler(AcditConfig config, AcditNetwork network, DiffusionProcess process) {
        this(config, List.of(network), new ParallelLanes(1), process);
    }

    /** Generation on {@code lanes}, lane {@code i} through {@code networks.get(i)}. */
    public AcditSampler(AcditConfig config, List<AcditNetwork> networks, ParallelLanes lanes,
                        DiffusionProcess process) {
        if (networks.size() != lanes.lanes()) {
            throw new IllegalArgumentException(lanes.lanes() + " lanes need as many networks, got " + networks.size());
        }
        this.config = config;
        this.networks = List.copyOf(networks);
        this.lanes = lanes;
        this.process = process;
    }

    /** Samples tokens (n, L, P) for {@code labels}; guidance 1 disables the unconditional half. */
    public float[] sample(int[] labels, DiffusionSolver solver, int steps, double guidance, long seed, boolean kvCache) {
        return generate(labels, solver, steps, guidance, seed, kvCache, config.layout(), networks.get(0).rope(),
                Integer.MAX_VALUE);
    }

    /**
     * Generates {@code frames} frames of video, possibly more than the model was trained on, with the KV-cache
     * bounded to the last {@code windowFrames} frames: tokens (n, frames·tokensPerFrame, P) in the sequence
     * order of {@code longLayout} (the trained layout with {@code frames} frames). Positions keep counting
     * frames; RoPE scores depend only on offsets, and the window keeps every query-key offset inside the
     * trained clip when {@code windowFrames} ≤ trained frames − frames per block. With a window of all frames
     * and the trained length this is exactly {@link #sample} with the cache.
     */
    public float[] sampleFrames(int[] labels, DiffusionSolver solver, int steps, double guidance, long seed,
                                TokenLayout longLayout, int windowFrames) {
        int perFrame = longLayout.tokensPerFrame();
        int windowTokens = windowFrames >= longLayout.frames() ? Integer.MAX_VALUE : windowFrames * perFrame;
        return generate(labels, solver, steps, guidance, seed, true, longLayout,
                networks.get(0).rope().withPositionsOf(longLayout), windowTokens);
    }

    private float[] generate(int[] labels, DiffusionSolver solver, int steps, double guidance, long seed,
                             boolean kvCache, TokenLayout layout, RopeNd positions, int windowTokens) {
        int n = labels.length;
        int values = layout.tokens() * layout.tokenSize();                          // per image
        HostRandom random = new HostRandom(seed);
        float[] noise = gaussian(random, n * values);                              // (n, L, P)
        HostRandom contextNoise = random.split();
        int parts = config.noisyContext() ? 1 : lanesFor(lanes.lanes(), n, layout.tokens(), config.width(),
                config.depth(), minLaneWork());
        if (parts == 1) {
            return generatePart(networks.get(0), labels, noise, contextNoise, solver, steps, guidance, kvCache, layout,
                    positions, windowTokens);
        }
        float[] out = new float[n * values];                                      // (n, L, P)
        lanes.run(lane -> {
            if (lane >= parts) {
                return;
            }
            int first = n * lane / parts;
            int end = n * (lane + 1) / parts;
            float[] part = generatePart(networks.get(lane), Arrays.copyOfRange(labels, first, end),
                    Arrays.copyOfRange(noise, first * values, end * values), contextNoise, solver, steps, guidance,
                    kvCache, layout, positions, windowTokens);
            System.arraycopy(part, 0, out, first * values, part.length);
        });
        return out;
    }

    /**
     * The lanes (of {@code lanes}) a call of {@code images} images of {@code tokens} tokens runs on, through a network
     * of {@code width} and {@code depth}: at most one per image and one per {@code minLaneWork}, at least one.
     */
    public static int lanesFor(int lanes, int images, int tokens, int width, int depth, double minLaneWork) {
        double work = (double) images * tokens * width * width * depth;
        double byWork = minLaneWork <= 0 ? Double.MAX_VALUE : work / minLaneWork;
        return (int) Math.max(1, Math.min(Math.min(lanes, images), byWork));
    }

    /** {@link #LANE_WORK_PROPERTY}, else {@link #MIN_LANE_WORK}. */
    private static double minLaneWork() {
        String value = System.getProperty(LANE_WORK_PROPERTY);
        if (value == null) {
            return MIN_LANE_WORK;
        }
        try {
            double work = Double.parseDouble(value.strip());
            if (work >= 0) {
                return work;
            }
        } catch (NumberFormatException e) {
            // reported below with the property's name
        }
        throw new IllegalArgumentException("-D" + LANE_WORK_PROPERTY + " must be a number of at least 0, got '" + value + "'");
    }

    /** Generates the images of {@code labels} from their {@code noise} (n, L, P) through {@code network}. */
    private float[] generatePart(AcditNetwork network, int[] labels, float[] noise, HostRandom contextNoise,
                                 DiffusionSolver solver, int steps, double guidance, boolean kvCache,
                                 TokenLayout layout, RopeNd positions, int windowTokens) {
        int n = labels.length;
        int b = layout.blockSize();
        int p = layout.tokenSize();
        int blocks = layout.blocks();
        int blockValues = b * p;
        boolean cfg = guidance != 1.0;
        int[] batchLabels = cfg ? withNullLabels(labels) : labels;                 // (n·G), G = 2 with CFG
        NoiseLevel[] grid = process.samplingGrid(steps);                           // steps + 1 levels, to clean
        AcditNetwork.NoisedCondition[] conditions = new AcditNetwork.NoisedCondition[steps]; // every block's, by point
        for (int k = 0; k < steps; k++) {
            double[] t = new double[batchLabels.length];
            Arrays.fill(t, grid[k].modelTime());
            conditions[k] = network.condition(t, batchLabels);
        }
        float[] out = new float[n * layout.tokens() * p];
        float[] context = new float[n * layout.tokens() * p];
        KvCache cache = emptyCache(n);
        int groups = cfg ? 2 : 1;
        for (int block = 0; block < blocks; block++) {
            float[] x = blockOf(noise, n, blocks, block, blockValues);                  // (n, B, P)
            DiffusionSolver blockSolver = solver.fresh();
            KvCache blockCtx = kvCache ? network.contextForGroups(cache, groups) : null; // once per block
            int current = block;
            for (int k = 0; k < steps; k++) {
                KvCache ctx = kvCache ? blockCtx
                        : network.contextForGroups(prefixCache(network, context, n, block), groups);
                blockSolver.step(k, grid, x, (point, at) -> {
                    float[] input = cfg ? twice(at, blockValues) : at;                  // (n·G, B, P)
                    float[] prediction = network.noisedPass(positions, input, current, conditions[point], ctx);
                    return cfg ? guided(prediction, guidance, blockValues) : prediction; // (n, B, P)
                });
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, i * blockValues, out, (i * blocks + block) * blockValues, blockValues);
            }
            float[] ctxTokens = config.noisyContext() ? renoise(x, contextNoise) : x;
            for (int i = 0; i < n; i++) {
                System.arraycopy(ctxTokens, i * blockValues, context, (i * blocks + block) * blockValues,
                        blockValues);
            }
            if (kvCache && block < blocks - 1) {
                AcditNetwork.CleanOutput c = network.cleanPass(positions, ctxTokens, n, block * b, b, cache, false);
                cache.append(c.keys(), c.values());
                cache.keepLast(windowTokens);
            }
        }
        return out;
    }

    /** Recomputes the K/V of clean blocks 0..block-1 from their tokens (the no-cache baseline). */
    private KvCache prefixCache(AcditNetwork network, float[] context, int n, int block) {
        if (block == 0) {
            return emptyCache(n);
        }
        int b = config.layout().blockSize();
        int p = config.layout().tokenSize();
        int lq = block * b;
        float[] prefix = new float[n * lq * p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(context, i * config.layout().tokens() * p, prefix, i * lq * p, lq * p);
        }
        AcditNetwork.CleanOutput c = network.cleanPass(prefix, n, 0, lq, emptyCache(n), true);
        return KvCache.of(c.keys(), c.values());
    }

    private KvCache emptyCache(int n) {
        return KvCache.empty(config.depth(), n, config.heads(), config.headDim(), config.dataType());
    }

    private static float[] blockOf(float[] all, int n, int blocks, int block, int values) {
        float[] x = new float[n * values];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all, (i * blocks + block) * values, x, i * values, values);
        }
        return x;
    }

    private float[] renoise(float[] x, HostRandom random) {
        int values = config.layout().blockSize() * config.layout().tokenSize();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length / values; i++) {
            NoiseLevel level = process.drawTrainingLevel(random);
            for (int j = i * values; j < (i + 1) * values; j++) {
                y[j] = (float) (level.alpha() * x[j] + level.sigma() * random.nextGaussian());
            }
        }
        return y;
    }

    /** Each label followed by the null label: (2n). */
    private int[] withNullLabels(int[] labels) {
        int[] both = new int[2 * labels.length];
        for (int i = 0; i < labels.length; i++) {
            both[2 * i] = labels[i];
            both[2 * i + 1] = config.nullLabel();
        }
        return both;
    }

    /** Each image's block twice in a row, for its conditional and unconditional halves: (n, 2, values). */
    private static float[] twice(float[] x, int values) {
        float[] y = new float[2 * x.length];
        for (int i = 0; i < x.length / values; i++) {
            System.arraycopy(x, i * values, y, 2 * i * values, values);
            System.arraycopy(x, i * values, y, (2 * i + 1) * values, values);
        }
        return y;
    }

    /**
     * Classifier-free guidance u = u_u + s·(u_c − u_u) of the raw prediction u (ε, v or velocity), from each image's
     * [conditional; unconditional] halves.
     */
    private static float[] guided(float[] eps, double scale, int values) {
        float[] g = new float[eps.length / 2];
        for (int i = 0; i < g.length / values; i++) {
            int cond = 2 * i * values;
            int uncond = cond + values;
            for (int j = 0; j < values; j++) {
                float u = eps[uncond + j];
                g[i * values + j] = (float) (u + scale * (eps[cond + j] - u));
            }
        }
        return g;
    }

    private static float[] gaussian(HostRandom random, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
