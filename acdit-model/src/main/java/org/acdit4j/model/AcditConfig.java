package org.acdit4j.model;

import java.util.List;
import java.util.Locale;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.EnumTexts;
import org.acdit4j.framework.spec.LearningRateSchedule;
import org.acdit4j.framework.spec.TrainSpec;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.graph.TransformerConfig;
import org.acdit4j.model.core.layout.TokenLayout;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.diffusion.LossWeighting;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The validated configuration of one ACDiT: architecture, token layout, and the floating-point type of
 * its weights. Every invalid setting fails here with one line naming the key and the allowed values.
 *
 * @param spec     architecture section of the experiment
 * @param train    training section of the experiment
 * @param geometry dataset geometry
 * @param layout   tokens and blocks derived from {@code spec} and {@code geometry}
 * @param dataType FLOAT for training and sampling, DOUBLE for gradient checks
 */
public record AcditConfig(AcditSpec spec, TrainSpec train, Geometry geometry, TokenLayout layout, DataType dataType)
        implements TransformerConfig {

    /** Size of the sinusoidal timestep features fed to the timestep MLP (as in DiT). */
    public static final int FREQUENCY_SIZE = 256;
    /** Number of DDPM steps of the training noise schedule. */
    public static final int DIFFUSION_STEPS = 1000;
    /** γ of the min-SNR-γ loss weighting. */
    public static final double MIN_SNR_GAMMA = 5.0;

    public static AcditConfig of(AcditSpec spec, TrainSpec train, Geometry geometry, DataType dataType) {
        requirePositive("model.width", spec.width());
        requirePositive("model.depth", spec.depth());
        requirePositive("model.heads", spec.heads());
        requirePositive("model.mlpRatio", spec.mlpRatio());
        if (spec.width() % spec.heads() != 0) {
            throw new IllegalArgumentException("model.heads=" + spec.heads() + " must divide model.width=" + spec.width()
                    + "; allowed heads: " + divisors(spec.width()));
        }
        requireMode("model.rope", spec.rope(), RopeMode.class);
        requireMode("model.context", spec.context(), ContextMode.class);
        requireMode("model.lossWeighting", spec.lossWeighting(), LossWeighting.class);
        requireMode("train.schedule", train.schedule(), LearningRateSchedule.class);
        requireMode("model.objective", spec.objective(), DiffusionObjective.class);
        if (spec.labelDropout() < 0 || spec.labelDropout() >= 1) {
            throw new IllegalArgumentException("model.labelDropout=" + spec.labelDropout() + " must be in [0, 1)");
        }
        TokenLayout layout = TokenLayout.of(geometry, spec.patch(), spec.blockSize(), spec.blockShape());
        String ropeProblem = ropeProblem(spec, layout);
        if (ropeProblem != null) {
            throw new IllegalArgumentException("model.rope=" + spec.rope() + " " + ropeProblem);
        }
        return new AcditConfig(spec, train, geometry, layout, dataType);
    }

    /**
     * Adds the problems of {@code spec} on data of {@code geometry} that its section cannot see: the token layout
     * (patch and block tiling) and the RoPE axes the head dimension must split into.
     */
    public static void problems(AcditSpec spec, Geometry geometry, Problems problems) {
        TokenLayout layout;
        try {
            layout = TokenLayout.of(geometry, spec.patch(), spec.blockSize(), spec.blockShape());
        } catch (IllegalArgumentException e) {
            problems.add("model.blockSize", e.getMessage());
            return;
        }
        if (spec.heads() > 0 && spec.width() % spec.heads() == 0) {
            String ropeProblem = ropeProblem(spec, layout);
            problems.require(ropeProblem == null, "model.rope", ropeProblem);
        }
    }

    /** Why the head dimension cannot carry {@code spec.rope()} over {@code layout}'s axes, or {@code null}. */
    private static String ropeProblem(AcditSpec spec, TokenLayout layout) {
        int headDim = spec.width() / spec.heads();
        int segments = spec.rope() == RopeMode.MULTI_AXIS ? layout.axes() : 1;
        if (spec.rope() == RopeMode.NONE || headDim % (2 * segments) == 0) {
            return null;
        }
        List<Integer> compatibleHeads = ropeCompatibleHeads(spec.width(), 2 * segments);
        String headsChoice = compatibleHeads.isEmpty()
                ? "no model.heads fits model.width " + spec.width() + ", so choose a model.width divisible by "
                        + 2 * segments
                : "choose model.heads from " + compatibleHeads;
        return "needs the head dim (" + headDim + " = model.width/model.heads) divisible by " + 2 * segments
                + " (2 per axis, " + segments + " axes); " + headsChoice + " or model.rope from "
                + List.of(RopeMode.values());
    }

    public boolean noisyContext() {
        return spec.context() == ContextMode.NOISY;
    }

    /**
     * A one-line description, stored in checkpoints: restoring requires an equal line. The architecture is written as
     * checkpoints recorded it before the objective existed, and the objective is appended unless it is the paper's
     * epsilon, so those checkpoints (all epsilon) still restore and no other objective restores them.
     */
    public String fingerprint() {
        String architecture = String.format(Locale.ROOT, "AcditSpec[width=%d, depth=%d, heads=%d, patch=%d, "
                        + "blockSize=%d, blockShape=%s, rope=%s, context=%s, labelDropout=%s, mlpRatio=%d]",
                spec.width(), spec.depth(), spec.heads(), spec.patch(), spec.blockSize(), spec.blockShape(),
                spec.rope(), spec.context(), spec.labelDropout(), spec.mlpRatio());
        String objective = spec.objective() == DiffusionObjective.EPSILON ? "" : " | objective=" + spec.objective();
        return String.format(Locale.ROOT, "%s | %s | %s%s", architecture, geometry, dataType, objective);
    }

    private static void requirePositive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + "=" + value + " must be >= 1");
        }
    }

    /** Fails when {@code value}, a setting of enum {@code type}, is missing, naming the allowed texts. */
    private static void requireMode(String key, Enum<?> value, Class<? extends Enum<?>> type) {
        if (value == null) {
            throw new IllegalArgumentException(key + " must be one of " + EnumTexts.allowed(type));
        }
    }

    private static List<Integer> divisors(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).filter(d -> n % d == 0).boxed().toList();
    }

    private static List<Integer> ropeCompatibleHeads(int width, int multiple) {
        return divisors(width).stream().filter(h -> (width / h) % multiple == 0).toList();
    }
}
